import { defineMessages } from '../../internal/localize.js';

/**
 * Strings of <qys-signing-frame>. Kept apart from the common catalogue on purpose: the signing-frame
 * entry has a 10 kB budget (lit included), so it carries only the strings it shows.
 */
export const signingFrameMessages = defineMessages(
  'signing-frame',
  {
    title: '契约锁签署页面',
    preparing: '正在准备签署页面…',
    loading: '正在打开签署页面…',
    popup: '签署页面已在新窗口中打开，完成后此处会自动更新。',
    popupBlocked: '浏览器拦截了新窗口：请允许本站弹出窗口后再试。',
    signed: '签署完成。',
    declined: '已拒签。',
    cancelled: '已取消签署。',
    'next.signed': '可以关闭本页，或回到流程继续办理；签署后的文件可在契约锁中查看和下载。',
    'next.declined': '流程不会继续。如需重新签署，请联系发起人重新发起合同。',
    'next.cancelled': '签署尚未完成，重新打开本页即可继续签署。',
    expired: '签署链接已过期，正在重新获取…',
    unconfirmed: '契约锁尚未确认合同状态（当前：{status}）。',
    error: '签署页面出错：{message}',
    hostError: '无法获取签署链接：{message}',
    badUrl: '签署链接不是有效的 http(s) 地址，为安全起见未打开，请联系管理员',
    noHost: '未连接数据源：请将组件放在 <qys-host-provider> 中或设置 host 属性。',
    noContract: '未指定合同：请设置 contract-id 或 params。',
    badBinding: '签署服务的内外网配置有误，请在绑定设置中修正。',
    'cause.csp': '本页面的内容安全策略（CSP）禁止嵌入签署页面。',
    'hint.csp': '请管理员在 OA 的 Content-Security-Policy 的 frame-src 中加入 {origin}，或先在新窗口中打开。',
    'cause.frame-refused': '契约锁拒绝被嵌入本页面（嵌入白名单未包含本站）。',
    'hint.frame-refused':
      '请在契约锁电子签约管理控制台 → 系统设置 → 系统安全 → 嵌入电子签平台页面白名单 中加入 {origin}（多个地址用英文逗号隔开），或先在新窗口中打开。',
    'cause.mixed-content': '本页面使用 HTTPS，签署平台使用 HTTP，浏览器禁止嵌入。',
    'hint.mixed-content':
      '请将签署平台地址 {origin} 改为 HTTPS（OA 与契约锁的协议需保持一致），或先在新窗口中打开。',
    'cause.expired': '签署链接已过期。',
    'hint.expired': '请重试；若反复出现，请检查 OA 服务器与契约锁服务器的时间是否一致。',
    'cause.login-required': '单点登录失败，契约锁显示了登录页。',
    'hint.login-required':
      '请重试；若反复出现，请检查绑定设置中的加密密钥与契约锁一致，且当前用户已同步到契约锁。',
    'cause.third-party-storage':
      '单点登录已通过，但浏览器不允许嵌入的签署页保存登录状态（第三方 Cookie 被阻止），契约锁显示了登录页。',
    'hint.third-party-storage':
      '请在新窗口中打开签署页（新窗口不受此限制）。Safari 默认阻止第三方 Cookie，Chrome 等浏览器在关闭第三方 Cookie 时也会如此。',
    'cause.unreachable': '无法连接签署平台 {origin}。',
    'hint.unreachable': '请检查网络及签署平台内网 / 外网地址后重试。',
    retry: '重试',
    openWindow: '在新窗口中打开',
    internal: '内网',
    external: '外网',
    zone: '签署地址：{zone}',
    rule: '签署地址：{zone}（规则 {rule}）',
  },
  {
    en: () => import('./signing-frame.messages.en.js'),
    'zh-TW': () => import('./signing-frame.messages.zh-TW.js'),
  },
);
