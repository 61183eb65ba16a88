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
    'error.rejected': '服务器拒绝了此请求（HTTP {status}），请联系管理员',
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
    en: () => import('./common.messages.en.js'),
    'zh-TW': () => import('./common.messages.zh-TW.js'),
  },
);
