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
    title: 'Qiyuesuo signing page',
    preparing: 'Preparing the signing page…',
    loading: 'Opening the signing page…',
    popup: 'The signing page is open in a new window. This page updates when you finish there.',
    popupBlocked: 'The browser blocked the new window. Allow pop-ups for this site and try again.',
    signed: 'Signed.',
    declined: 'Declined.',
    cancelled: 'Signing cancelled.',
    expired: 'The signing link expired. Getting a new one…',
    unconfirmed: 'Qiyuesuo has not confirmed the contract state yet (now: {status}).',
    error: 'The signing page reported an error: {message}',
    hostError: 'Could not get a signing link: {message}',
    badUrl: 'The signing link is not a valid http(s) address; it was not opened. Contact an administrator',
    noHost: 'No data source: place the element inside <qys-host-provider> or set its host property.',
    noContract: 'No contract: set contract-id or params.',
    badBinding:
      "The signing service's internal/external settings are invalid: correct them in the binding settings.",
    'cause.csp': "This page's Content Security Policy does not allow the signing page in a frame.",
    'hint.csp':
      "Ask an administrator to add {origin} to frame-src in the OA's Content-Security-Policy, or open it in a new window for now.",
    'cause.frame-refused':
      'Qiyuesuo refused to be shown in this page (this site is not on its embed whitelist).',
    'hint.frame-refused':
      'In the Qiyuesuo console, go to System settings → Security → Embed whitelist (嵌入电子签平台页面白名单) and add {origin} (separate several addresses with commas), or open it in a new window for now.',
    'cause.mixed-content':
      'This page uses HTTPS and the signing platform uses HTTP; the browser blocks the frame.',
    'hint.mixed-content':
      'Change the signing address {origin} to HTTPS (OA and Qiyuesuo must use the same protocol), or open it in a new window for now.',
    'cause.expired': 'The signing link has expired.',
    'hint.expired':
      'Retry. If it keeps happening, check that the OA server and Qiyuesuo server clocks agree.',
    'cause.login-required': 'Single sign-on failed; Qiyuesuo showed its login page.',
    'hint.login-required':
      'Retry. If it keeps happening, check that the encryption key in the binding settings matches Qiyuesuo and that this user is synced to Qiyuesuo.',
    'cause.third-party-storage':
      'Single sign-on went through, but the browser does not let the embedded signing page keep its sign-in (third-party cookies are blocked), so Qiyuesuo showed its login page.',
    'hint.third-party-storage':
      'Open the signing page in a new window, where this does not apply. Safari blocks third-party cookies by default; Chrome and others do when they are turned off.',
    'cause.unreachable': 'Cannot reach the signing platform {origin}.',
    'hint.unreachable': 'Check the network and the internal / external signing addresses, then retry.',
    retry: 'Retry',
    openWindow: 'Open in a new window',
    internal: 'internal network',
    external: 'external network',
    zone: 'Signing address: {zone}',
    rule: 'Signing address: {zone} (rule {rule})',
  },
  { 'zh-TW': () => import('./signing-frame.messages.zh-TW.js') },
);
