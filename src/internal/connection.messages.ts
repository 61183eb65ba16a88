import { defineMessages } from './localize.js';

/**
 * Connection-test codes (`services.testConnection` steps and their outcomes, the App Secret and
 * encryption-key checks of the same form): shown by <qys-binding-settings> and
 * <qys-integration-checklist> only, so they are not in the common catalogue every element ships.
 */
export const connectionMessages = defineMessages(
  'connection',
  {
    'step.reach': '访问开放平台',
    'step.auth': '验证接入凭证',
    'step.signing': '访问签署平台外网地址',
    'step.signingInternal': '访问签署平台内网地址',
    'reach.ok': '开放平台地址可以访问',
    'reach.failed': '无法访问开放平台地址，请检查地址与网络',
    'reach.invalidUrl': '开放平台地址格式不正确',
    'reach.notQiyuesuo': '该地址不是契约锁开放平台，请确认填写的是开放平台地址（常见端口 9182）',
    'auth.ok': 'App Token / App Secret 验证通过',
    'auth.badToken': '契约锁不认识该 App Token，请到契约锁集成应用的【应用设置】中复制',
    'auth.badSecret': 'App Secret 不正确，请到契约锁集成应用的【应用设置】中复制',
    'auth.clockSkew': 'OA 服务器与契约锁服务器时间相差超过 5 分钟，请校准服务器时间',
    'auth.rejected': '契约锁拒绝了接入凭证，请核对 App Token 与 App Secret',
    'auth.secretMissing': '尚未填写 App Secret',
    'appSecret.requiredForNewAddress':
      '开放平台地址已更改，请重新填写 App Secret：已保存的密钥只能用于原来的地址',
    'signing.ok': '签署平台地址可以访问',
    'signing.failed': '无法访问签署平台地址，请检查地址与网络',
    'step.embed': '嵌入白名单',
    'step.sso': '单点登录（加密密钥）',
    'embed.ok': '签署平台允许本 OA 页面嵌入',
    'embed.refused': '签署平台不允许本 OA 页面嵌入：请在契约锁【嵌入电子签平台页面白名单】中添加 OA 地址',
    'sso.ok': '加密密钥正确，单点登录成功',
    'sso.badKey': '单点登录失败：加密密钥与契约锁不一致，请到契约锁集成应用中复制加密密钥',
    'sso.unknownUser': '单点登录失败：契约锁中没有当前用户（按手机号匹配），请先同步人员',
    'sso.keyFormat': '加密密钥应为 16 个字符，请到契约锁集成应用中复制',
    'encryptionKey.format':
      '加密密钥应为 16 个字符（字母、数字或英文符号，不含空格），例如 60fb3ed9-3e18-4f；可点击【重新生成】生成一个。',
    'sso.failed': '单点登录失败：签署平台没有打开登录后的页面，请检查签署平台地址与加密密钥',
    skipped: '前一步未通过，已跳过',
  },
  {
    en: () => import('./connection.messages.en.js'),
    'zh-TW': () => import('./connection.messages.zh-TW.js'),
  },
);
