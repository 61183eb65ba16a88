/**
 * Development credentials of the reference host's E10 open platform (/openserver, 一键部署): what an
 * admin would read in E10 后台管理中心 → 开放平台 and type into the Qiyuesuo console (seed 001 §2).
 * No Node imports, so browser tests can read them too. Not secrets: development values.
 */
export const E10_DEV_OPEN_PLATFORM = {
  appKey: 'e10-dev-app-key-0001',
  appSecret: 'e10-dev-app-secret-0001',
  corpId: 'e10-dev-corp-0001',
} as const;
