/**
 * Defaults of the Qiyuesuo simulator. The reference host seeds its private service with the same
 * credentials, so `npm start` works with no setup; `startDevServers` also pushes whatever the
 * reference host seeded into the simulator (see dev/servers.ts).
 */
export const SIMULATOR_DEFAULT_PORT = 9181;

export interface SimulatorApp {
  appToken: string;
  appSecret: string;
  /** 加密密钥: HMAC-SHA256 key of the SSO tickets the OA server builds. */
  encryptionKey: string;
  appName?: string;
  companyName?: string;
  tenantId?: string;
}

/** The app the simulator knows from the start (a development value, not a secret). */
export const SIMULATOR_DEFAULT_APP: SimulatorApp = {
  appToken: 'qys-sim-app-token-0001',
  appSecret: 'qys-sim-app-secret-0001',
  encryptionKey: '60fb3ed9-3e18-4f6b-9a51-2d1c7e0b9181',
  appName: '泛微 E10 对接',
  companyName: '上海泛微网络科技股份有限公司',
  tenantId: '2961458871234560001',
};

/** The version the simulator reports (≥ 4.3.6 uses the old-style callback switch, seed 001). */
export const SIMULATOR_VERSION = '4.3.8';

/** How far a request's `x-qys-timestamp` may be from the simulator clock. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

/** How long a signing session (after a good SSO ticket) stays usable. */
export const DEFAULT_SESSION_TTL_MS = 30 * 60 * 1000;
