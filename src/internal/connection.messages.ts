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
    'step.reach': 'Reaching the open platform',
    'step.auth': 'Checking the credentials',
    'step.signing': 'Reaching the external signing address',
    'step.signingInternal': 'Reaching the internal signing address',
    'reach.ok': 'The open platform address answers',
    'reach.failed': 'The open platform address cannot be reached. Check the address and the network',
    'reach.invalidUrl': 'The open platform address is not a valid address',
    'reach.notQiyuesuo':
      'This address is not a Qiyuesuo open platform. Check that you entered the open platform address (usually port 9182)',
    'auth.ok': 'App Token / App Secret accepted',
    'auth.badToken':
      'Qiyuesuo does not know this App Token. Copy it from the integration app settings in Qiyuesuo',
    'auth.badSecret': 'The App Secret is wrong. Copy it from the integration app settings in Qiyuesuo',
    'auth.clockSkew':
      'The OA and Qiyuesuo server clocks differ by more than 5 minutes. Synchronise the server time',
    'auth.rejected': 'Qiyuesuo refused the credentials. Check the App Token and App Secret',
    'auth.secretMissing': 'The App Secret has not been entered',
    'appSecret.requiredForNewAddress':
      'The open platform address changed: enter the App Secret again (the saved secret only works for the old address)',
    'signing.ok': 'The signing address answers',
    'signing.failed': 'The signing address cannot be reached. Check the address and the network',
    'step.embed': 'Embed whitelist',
    'step.sso': 'Single sign-on (encryption key)',
    'embed.ok': 'The signing platform lets this OA page embed it',
    'embed.refused':
      'The signing platform does not let this OA page embed it. Add the OA address to the embed whitelist in Qiyuesuo',
    'sso.ok': 'Encryption key accepted; single sign-on works',
    'sso.badKey':
      'Single sign-on failed: the encryption key differs from the one in Qiyuesuo. Copy it from the integration app in Qiyuesuo',
    'sso.unknownUser':
      'Single sign-on failed: Qiyuesuo has no person with your mobile number. Sync the persons first',
    'sso.keyFormat': 'The encryption key must be 16 characters. Copy it from the integration app in Qiyuesuo',
    'encryptionKey.format':
      'The encryption key must be exactly 16 characters (letters, digits or ASCII symbols, no spaces), e.g. 60fb3ed9-3e18-4f. Use Regenerate to make one.',
    'sso.failed':
      'Single sign-on failed: the signing platform did not open the signed-in page. Check the signing address and the encryption key',
    skipped: 'Skipped because an earlier step failed',
  },
  { 'zh-TW': () => import('./connection.messages.zh-TW.js') },
);
