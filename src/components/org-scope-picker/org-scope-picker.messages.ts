import { defineMessages } from '../../internal/localize.js';
import { plurals } from '../../internal/icu.js';
import type { panelStrings } from './org-scope-picker.panel.js';

const zh = {
  label: '组织架构',
  labelPersons: '人员',
  'tab.tree': '组织结构',
  'tab.search': '搜索',
  'tab.recent': '最近',
  'tab.same-department': '同部门',
  'tab.subordinates': '我的下属',
  'tab.bulk': '批量添加',
  searchPlaceholder: '搜索姓名、拼音、工号或账号',
  searchLabel: '搜索组织',
  searchEmpty: '没有找到与“{query}”匹配的结果',
  searchHint: '输入姓名、拼音首字母（如 zw）、工号或账号进行搜索',
  searching: '正在搜索…',
  showInactive: '显示离职 / 无效人员',
  emptyOrg: '组织中暂无数据',
  loadFailed: '加载失败：{message}',
  someFailed: '部分数据加载失败',
  placeholderFailed: '加载失败',
  'summary.subcompany': '{n} 个分部',
  'summary.department': '{n} 个部门',
  'summary.person': '{n} 人',
  'summary.none': '未选择',
  'summary.total': '共 {n} 人',
  'summary.counting': '正在统计人数…',
  'summary.countFailed': '人数统计失败',
  'summary.inactive': '其中 {n} 人已离职或无效',
  'summary.excluded': '排除 {n} 项',
  'status.resigned': '已离职',
  'status.invalid': '无效',
  partTime: '兼职',
  headCount: '{n} 人',
  overLimit: '最多可选择 {max} 项',
  overLimitPersons: '最多可选择 {max} 人',
  overLimitUnits: '最多可选择 {max} 个分部或部门',
  underMin: '请至少选择 {min} 项',
  underMinPersons: '请至少选择 {min} 人',
  underMinUnits: '请至少选择 {min} 个分部或部门',
  'reason.disabled': '不可选择',
  'reason.picked': '已选择',
  'reason.required': '必选，不能移除',
  unitNotSelectable: '此模式只能选择人员，请展开后选择',
  selected: '已选择 {name}',
  deselected: '已取消 {name}',
  'recent.remove': '从最近中移除',
  resultsLabel: '搜索结果',
};

/** The picker's strings; those of the chips, flags and 批量添加 (./org-scope-picker.panel.ts) join the
 * zh-CN catalogue when those parts first load (the en and zh-TW modules have them all). */
export const orgScopePickerMessages = defineMessages(
  'org-scope-picker',
  zh as typeof zh & typeof panelStrings,
  {
    en: () => import('./org-scope-picker.messages.en.js'),
    'zh-TW': () => import('./org-scope-picker.messages.zh-TW.js'),
  },
  plurals,
);

let panelLoad: Promise<void> | undefined;
/** Joins the chips', flags' and 批量添加 panel's zh-CN strings to the catalogue (once; their parts wait for it). */
export const loadPanelStrings = (): Promise<void> =>
  (panelLoad ??= import('./org-scope-picker.panel.js').then((m) => {
    Object.assign(orgScopePickerMessages['zh-CN'], m.panelStrings);
  }));
