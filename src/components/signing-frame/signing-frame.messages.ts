import { defineMessages } from '../../internal/localize.js';
import type { panelStrings } from './signing-frame.panel.js';

// The zh-CN strings of the first render: status line, details, and the blocked causes the qys-blocked
// event names. Those of the result and problem panels (outcomes, errors, hints, buttons) come with the
// panels on demand (signing-frame.panel.ts) and join this catalogue's zh-CN when they arrive; the element
// renders those panels only then. The en and zh-TW modules (on demand too) hold every key.
const zh = {
  title: '契约锁签署页面',
  preparing: '正在准备签署页面…',
  loading: '正在打开签署页面…',
  popup: '签署页面已在新窗口中打开，完成后此处会自动更新。',
  expired: '签署链接已过期，正在重新获取…',
  'cause.csp': '本页面的内容安全策略（CSP）禁止嵌入签署页面。',
  'cause.frame-refused': '契约锁拒绝被嵌入本页面（嵌入白名单未包含本站）。',
  'cause.mixed-content': '本页面使用 HTTPS，签署平台使用 HTTP，浏览器禁止嵌入。',
  'cause.expired': '签署链接已过期。',
  'cause.login-required': '单点登录失败，契约锁显示了登录页。',
  'cause.third-party-storage':
    '单点登录已通过，但浏览器不允许嵌入的签署页保存登录状态（第三方 Cookie 被阻止），契约锁显示了登录页。',
  'cause.unreachable': '无法连接签署平台 {origin}。',
  internal: '内网',
  external: '外网',
  zone: '签署地址：{zone}',
  rule: '签署地址：{zone}（规则 {rule}）',
};

/**
 * Strings of <qys-signing-frame>. Kept apart from the common catalogue on purpose: the signing-frame
 * entry has a 10 kB budget, so it carries only the strings of its first render (see `zh` above).
 */
export const signingFrameMessages = defineMessages('signing-frame', zh as typeof zh & typeof panelStrings, {
  en: () => import('./signing-frame.messages.en.js'),
  'zh-TW': () => import('./signing-frame.messages.zh-TW.js'),
});
