/**
 * Defaults of the Qiyuesuo simulator. The reference host seeds its private service with the same
 * credentials, so `npm start` works with no setup; `startDevServers` also pushes whatever the
 * reference host seeded into the simulator (see dev/servers.ts).
 */

export type SimulatorAppName = 'openApi' | 'signing' | 'console';

/** The private cloud's three origins: open API ("privopen"), admin console, signing web app ("privapp"). */
export const SIMULATOR_DEFAULT_PORTS = { openApi: 9182, console: 9181, signing: 9180 } as const;
/** The open-API port (what the reference host's private service calls). */
export const SIMULATOR_DEFAULT_PORT = SIMULATOR_DEFAULT_PORTS.openApi;

export interface SimulatorApp {
  appToken: string;
  appSecret: string;
  /** 加密密钥: the AES-128 key (16 characters) of the SSO token (qystoken). */
  encryptionKey: string;
  appName?: string;
  companyName?: string;
  tenantId?: string;
}

/** The app the simulator knows from the start (a development value, not a secret). */
export const SIMULATOR_DEFAULT_APP: SimulatorApp = {
  appToken: 'qys-sim-app-token-0001',
  appSecret: 'qys-sim-app-secret-0001',
  encryptionKey: '60fb3ed9-3e18-4f',
  appName: '泛微 E10 对接',
  companyName: '上海泛微网络科技股份有限公司',
  tenantId: '2961458810000007919',
};

/** A person the simulated platform knows from the start (matched by mobile, as synced persons are). */
export interface SimulatorUser {
  mobile: string;
  name: string;
}

export const SIMULATOR_TEST_USER: SimulatorUser = { mobile: '13800000000', name: '测试用户' };

/** The version the simulator reports (≥ 4.3.6 uses the old-style callback switch, seed 001). */
export const SIMULATOR_VERSION = '4.3.8';

/** How long a signing session (after a good SSO token or a signUrl) stays usable. */
export const DEFAULT_SESSION_TTL_MS = 30 * 60 * 1000;
