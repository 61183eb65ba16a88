// zh-CN strings of the picker's parts that load on demand (chips and flags, the 批量添加 panel): joined to
// the 'org-scope-picker' catalogue when those parts first load (loadPanelStrings), never for the first
// rows. The en and zh-TW modules of the catalogue have them too.

/** zh-CN strings of the chips, flags and 批量添加 panel. */
export const panelStrings = {
  'type.subcompany': '分部',
  'type.department': '部门',
  'type.person': '人员',
  'chip.unitAll': '{name}（全部，{n} 人）',
  'chip.unitPart': '{name}（部分，{n} 人）',
  'chip.excluded': '排除：{name}',
  'chip.missing': '已失效（{type} {id}）',
  'chip.missingTitle': '该{type}在 OA 中已不存在。移除后保存即可清理。',
  'chip.unknown': '{type} {id}',
  'chip.remove': '移除 {name}',
  'chip.more': '+{n}',
  'chip.moreLabel': '显示其余 {n} 项',
  'chip.less': '收起',
  'flag.inactive': '已选人员中有 {n} 人已离职或无效，保存前请确认是否移除',
  'flag.missing': '{n} 项在 OA 中已不存在（已失效），请确认后移除',
  'bulk.label': '粘贴姓名或工号（每行一个，或用逗号分隔）',
  'bulk.submit': '识别并添加',
  'bulk.added': '已添加 {n} 项',
  'bulk.ambiguous': '“{input}”匹配到多人，请选择',
  'bulk.unmatched': '未找到：{list}',
  'bulk.empty': '请先粘贴姓名或工号',
  selectionLabel: '已选择',
};
