import { defineMessages } from './localize.js';

/**
 * Strings shared by every element: validation codes, host error codes, generic actions. The
 * connection-test codes only binding-settings and the checklist show are in connection.messages.ts
 * (they were about 2 kB gzip of every other element).
 */
export const commonMessages = defineMessages(
  'common',
  {
    // validation codes (from the zod schemas and from the host's 422 issues)
    required: '此项为必填项',
    invalid: '格式不正确，请按提示的格式重新填写',
    'id.required': '缺少 ID',
    'text.tooLong': '内容过长，请删减后再保存',
    'type.invalid': '数据类型不正确，请刷新页面后重试',
    'number.invalid': '请输入不小于 0 的整数',
    'boolean.invalid': '只能是 true 或 false',
    'enum.invalid': '不是可选的值之一，请从列表中选择',
    'id.notAllowed': '新建时不能指定 ID，请去掉 ID 后保存',
    'id.mismatch': '地址中的 ID 与数据中的 ID 不一致，请刷新页面后重试',
    'org.notFound': '所选的组织或人员在 OA 中已不存在，请移除后再保存',
    'signing.privateOnly': '只有私有云服务可以按内外网选择签署地址',
    'signingUrlInternal.required': '没有填写签署平台内网地址，无法按内网地址发起签署，请在绑定设置中填写',
    'datetime.invalid': '时间格式不正确',
    'url.invalid': '请输入完整的地址，例如 https://qys.example.com',
    'url.protocol': '地址必须以 http:// 或 https:// 开头',
    'signingUrlInternal.requiredForAutoLogin': '已启用内外网自动登录，请填写签署平台内网地址',
    'valueMissing.select': '请至少选择一项',
    // host error codes
    'error.network': '无法连接服务器，请检查网络后重试',
    'error.redirect': '服务器把请求转到了其他地址，为安全起见已拒绝，请联系管理员检查接口地址',
    'error.unsafe-url': '服务器返回的地址不安全，为安全起见已拦截，请联系管理员检查数据',
    'url.unsafeScheme':
      '服务器返回的地址不是 http:// 或 https:// 地址，为安全起见已拦截，请联系管理员检查数据',
    'url.notAbsolute': '服务器返回的地址不完整或格式不正确，为安全起见已拦截，请联系管理员检查数据',
    'error.server': '服务器处理失败，请稍后重试',
    'error.timeout': '服务器响应超时，请稍后重试',
    'error.auth': '登录已失效或没有权限，请重新登录后再试',
    'error.conflict': '数据已被他人修改',
    'error.validation': '提交的内容有误，请按提示修改',
    'error.contract': '服务器返回的数据格式不正确（{path}），请联系管理员',
    'error.not-found': '数据不存在或已被删除',
    'error.unknown': '出现未知错误：{message}',
    // generic actions and states
    retry: '重试',
    cancel: '取消',
    confirm: '确定',
    close: '关闭',
    clear: '清除',
    remove: '移除',
    loading: '加载中…',
    empty: '暂无数据',
    copy: '复制',
    copied: '已复制',
    copyFailed: '复制失败，请手动选择文本复制',
    noHost: '未连接数据源：请将组件放在 <qys-host-provider> 中或设置 host 属性',
  },
  {
    required: 'This field is required',
    invalid: 'The format is not valid. Enter it in the format shown',
    'id.required': 'The ID is missing',
    'text.tooLong': 'The text is too long. Shorten it and save again',
    'type.invalid': 'The data has the wrong type. Reload the page and try again',
    'number.invalid': 'Enter a whole number, 0 or more',
    'boolean.invalid': 'Must be true or false',
    'enum.invalid': 'Not one of the allowed values. Choose one from the list',
    'id.notAllowed': 'An ID cannot be given when creating. Remove it and save',
    'id.mismatch': 'The ID in the address differs from the ID in the data. Reload the page and try again',
    'org.notFound': 'A selected unit or person no longer exists in the OA. Remove it and save again',
    'signing.privateOnly':
      'Only a private-cloud service chooses between internal and external signing addresses',
    'signingUrlInternal.required':
      'No internal signing address is set, so signing cannot use it. Enter it in the binding settings',
    'datetime.invalid': 'The date-time is not valid',
    'url.invalid': 'Enter a complete address, e.g. https://qys.example.com',
    'url.protocol': 'The address must start with http:// or https://',
    'signingUrlInternal.requiredForAutoLogin':
      'Intranet auto-login is on: enter the internal address of the signing platform',
    'valueMissing.select': 'Select at least one item',
    'error.network': 'Could not reach the server. Check the network and try again',
    'error.redirect':
      'The server redirected the request to another address; it was refused for safety. Ask an administrator to check the API address',
    'error.unsafe-url':
      'The server sent an unsafe address; it was blocked. Ask an administrator to check the data',
    'url.unsafeScheme':
      'The server sent an address that is not http:// or https://; it was blocked for safety. Ask an administrator to check the data',
    'url.notAbsolute':
      'The server sent an address that is incomplete or malformed; it was blocked for safety. Ask an administrator to check the data',
    'error.server': 'The server failed to process the request. Try again later',
    'error.timeout': 'The server did not answer in time. Try again later',
    'error.auth': 'Your session has expired or you are not allowed. Sign in again and retry',
    'error.conflict': 'Someone else changed this data',
    'error.validation': 'Some input was refused. Correct the fields marked below',
    'error.contract': 'The server sent data in an unexpected format ({path}). Contact your administrator',
    'error.not-found': 'Not found, or deleted',
    'error.unknown': 'Something went wrong: {message}',
    retry: 'Retry',
    cancel: 'Cancel',
    confirm: 'OK',
    close: 'Close',
    clear: 'Clear',
    remove: 'Remove',
    loading: 'Loading…',
    empty: 'No data',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copy failed. Select the text and copy it by hand',
    noHost: 'No data source: place the element inside <qys-host-provider> or set its host property',
  },
  { 'zh-TW': () => import('./common.messages.zh-TW.js') },
);
