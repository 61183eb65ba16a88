import { defineMessages, translate, normalizeLang, type Lang } from '../../internal/localize.js';
import { plurals } from '../../internal/icu.js';
import { commonMessages } from '../../internal/common.messages.js';
import type { RuleIssue } from '../../core/network-strategy/issues.js';

/**
 * Strings of `<qys-network-strategy-editor>`. The rule issue codes of `src/core/network-strategy`
 * (`ip.*`, `segment.*`, `cidr.*`, `range.*`, `domain.*`, `rule.*`), the resolver's validation codes
 * (`strategy.noRules`, `segmentPreset.unknown`) and its reasons (`reason.*`) are keys here, so other
 * elements (binding settings) can localise them with `networkStrategyText()` / `ruleIssueText()`.
 */
export const networkStrategyMessages = defineMessages(
  'network-strategy-editor',
  {
    // rule errors
    'rule.empty': '规则不能为空',
    'rule.tooLong': '规则过长（最多 {max} 个字符）',
    'ip.invalid': 'IP 地址格式不正确，例如 192.168.1.10 或 fd00::1',
    'ip.leadingZero': 'IP 地址的各段不能以 0 开头（如 010），请写成 10',
    'ip.octetRange': 'IPv4 地址的每一段必须在 0–255 之间',
    'ip.zoneId': '不支持带 % 区域标识的 IPv6 地址，请去掉 % 及其后的内容',
    'segment.invalid': '无法识别的网段，请填写 IP、CIDR（10.0.0.0/8）或范围（192.168.1.10-192.168.1.200）',
    'segment.wildcard': '不支持 * 通配符，请改用 CIDR，例如 192.168.0.0/16',
    'segment.isDomain': '这是域名，不是网段；按域名判断请选择“域名策略”',
    'cidr.prefix': '掩码位数必须是 0–{max} 之间的整数',
    'range.reversed': '范围的起始地址大于结束地址，请交换两端',
    'range.mixedVersions': '范围两端必须同为 IPv4 或同为 IPv6',
    'domain.scheme': '只填写域名，不要包含 http:// 或 https://',
    'domain.path': '只填写域名（可带端口），不要包含路径、? 或 #',
    'domain.userinfo': '域名中不能包含 @',
    'domain.isSegment': '这是网段，不是域名；按 IP 判断请选择“网段策略”',
    'domain.wildcardPosition': '通配符只能写在最前面，例如 *.intra.example.com',
    'domain.wildcardAll': '通配符后必须跟域名，例如 *.intra.example.com',
    'domain.wildcardIp': 'IP 地址不能使用通配符',
    'domain.label': '域名只能包含字母、数字、连字符和点，且各段不能为空',
    'domain.labelLength': '域名的每一段最多 63 个字符',
    'domain.tooLong': '域名最多 253 个字符',
    'domain.port': '端口必须是 1–65535 之间的整数',
    // rule warnings
    'cidr.hostBits': '主机位不为 0，将按 {network} 处理',
    'rule.duplicate': '与第 {other} 条规则重复',
    'rule.contained': '已包含在第 {other} 条规则中',
    'rule.overlap': '与第 {other} 条规则部分重叠',
    'segment.everything': '该规则包含所有地址，所有设备都会跳转内网地址',
    'domain.coveredByWildcard': '已被第 {other} 条通配规则覆盖',
    'rule.coveredByPreset': '已包含在所选的预设网段“{name}”中',
    // strategy-level validation codes (also returned by validateSigningStrategy)
    'strategy.noRules': '已启用该策略，请至少添加一条规则',
    'segmentPreset.unknown': '所选的 OA 预设网段已不存在，请取消勾选',
    // resolver reasons
    'reason.off': '未启用内外网自动登录，统一跳转外网地址',
    'reason.segment.match': '该 IP 在网段策略中',
    'reason.segment.noMatch': '该 IP 不在任何网段中',
    'reason.segment.noClientIp': '不知道客户端 IP，跳转外网地址',
    'reason.segment.badClientIp': '不是有效的 IP 地址，跳转外网地址',
    'reason.domain.match': '该域名在域名策略中',
    'reason.domain.noMatch': '该域名不在任何域名规则中',
    'reason.domain.noHostname': '不知道访问域名，跳转外网地址',
    'reason.domain.badHostname': '不是有效的域名，跳转外网地址',
    // element UI
    title: '内外网自动登录',
    'mode.off': '不启用',
    'mode.segment': '网段策略',
    'mode.domain': '域名策略',
    'mode.off.hint': '单点登录时统一跳转签署平台外网地址',
    'mode.segment.hint': '当前设备的 IP 在以下网段中时跳转签署平台内网地址，否则跳转外网地址',
    'mode.domain.hint': '当前访问 OA 的域名在以下规则中时跳转签署平台内网地址，否则跳转外网地址',
    'list.segment': '网段规则（{count} 条）',
    'list.domain': '域名规则（{count} 条）',
    'list.empty': '尚未添加规则',
    'list.keptOther': '另一种策略中的 {count} 条规则已保留，切换回去即可使用',
    'add.label.segment': '添加网段',
    'add.label.domain': '添加域名',
    'add.placeholder.segment': '例如 10.0.0.0/8、192.168.1.10-192.168.1.200、fd00::/8',
    'add.placeholder.domain': '例如 oa.example.com、*.intra.example.com、oa.example.com:8080',
    'add.hint': '每行一条，也可用逗号分隔；按 Enter 添加，Shift+Enter 换行',
    'add.button': '添加',
    'add.done': '已添加 {count} 条规则',
    'add.doneWithErrors': '已添加 {count} 条规则，其中 {errors} 条有误，请按提示修改',
    'rule.label': '第 {n} 条规则',
    'rule.remove': '删除',
    'rule.removeLabel': '删除第 {n} 条规则 {rule}',
    'rule.removed': '已删除规则 {rule}',
    'issue.error': '错误：{message}',
    'issue.warning': '提示：{message}',
    'issue.atRule': '第 {n} 条规则：{message}',
    'validity.badInput': '有 {count} 条规则格式不正确。第 {n} 条规则：{message}',
    'validity.required': '请选择并配置内外网自动登录策略',
    'presets.label': 'OA 预设网段',
    'presets.loading': '正在加载 OA 预设网段…',
    'presets.failed': '无法加载 OA 预设网段：{message} 仍可手动填写网段。',
    'presets.ruleCount': '{count} 个网段',
    'presets.unknown': '已不存在的预设（{id}）',
    'try.title': '试一试',
    'try.ip': '客户端 IP',
    'try.host': '访问域名',
    'try.ip.hint': '默认是当前设备的 IP',
    'try.host.hint': '默认是当前页面的域名',
    'try.zone.internal': '跳转内网地址',
    'try.zone.external': '跳转外网地址',
    'try.urlUnknown': '（未提供签署平台地址）',
    'try.matched': '由第 {n} 条规则 {rule} 决定',
    'try.matchedPreset': '由预设网段“{name}”中的 {rule} 决定',
    'try.reasonWithRule': '{reason}：{rule}',
    'try.ignored': '有 {count} 条规则有误，未参与判断',
    'try.invalid': '无法判断：{message}',
  },
  {
    en: () => import('./network-strategy-editor.messages.en.js'),
    'zh-TW': () => import('./network-strategy-editor.messages.zh-TW.js'),
  },
  plurals,
);

/**
 * Localises a network-strategy code (rule issue, validation code, `reason.*`) for `lang`. en and zh-TW
 * load on demand: `await loadLanguage(lang)` first (until then the text is zh-CN).
 */
export function networkStrategyText(
  code: string,
  lang: Lang = 'zh-CN',
  params?: Record<string, string | number>,
): string {
  return translate(normalizeLang(lang), code, params, networkStrategyMessages, commonMessages);
}

/** Localises a rule issue, e.g. "第 3 条规则：IPv4 地址的每一段必须在 0–255 之间" (`withRule` adds the number). */
export function ruleIssueText(issue: RuleIssue, lang: Lang = 'zh-CN', withRule = false): string {
  const message = networkStrategyText(issue.code, lang, issue.params);
  return withRule ? networkStrategyText('issue.atRule', lang, { n: issue.index + 1, message }) : message;
}
