/**
 * What the reference host keeps in its JSON store (the integration's own data: services with their
 * secrets, sync scopes, recent picks, segment presets, resources brought in by 同步服务商数据), the
 * first-start seed, and the public view of a stored service (the App Secret removed).
 */
import { SIMULATOR_DEFAULT_APP } from '../simulator/defaults.js';
import { DEFAULT_CALLBACK_KEYS, type CallbackKeys } from '../simulator/callbacks.js';
import type { Binding, OrgRef, OrgScope, Resource, SegmentPreset } from '../../src/api/schemas.js';

/** A service as stored: the contract's `Binding` without `appSecretSet`, plus the secret itself. */
export type StoredService = Binding extends infer B
  ? B extends Binding
    ? Omit<B, 'appSecretSet'> & {
        appSecret: string;
        /** ≥ 4.3.6 callback keys (token + AES key), write-only like the secret. */
        callbackKeys?: CallbackKeys;
      }
    : never
  : never;

export interface StoredScope {
  scope: OrgScope;
  version: number;
  updatedAt: string | null;
}

export interface StoreDoc {
  schemaVersion: 1;
  services: StoredService[];
  scopes: Record<string, StoredScope>;
  recent: OrgRef[];
  segmentPresets: SegmentPreset[];
  /** Resources brought in by the last successful sync, per service. */
  synced: Record<string, { at: string; resources: Resource[] }>;
}

/** The public view: never carries the App Secret. */
export function toBinding(s: StoredService): Binding {
  const { appSecret, callbackKeys: _k, ...rest } = s;
  return { ...rest, appSecretSet: appSecret.length > 0 } as Binding;
}

export const SEED_PRIVATE_ID = '1001';
export const SEED_PUBLIC_ID = '1002';

export function seedDoc(options: {
  simulatorUrl: string;
  /** The simulator's signing web app (its own origin); default: the open-API origin. */
  signingUrl?: string;
  currentUserId: string;
  colleagues: string[];
  scope: OrgScope;
}): StoreDoc {
  const now = new Date().toISOString();
  const sim = new URL(options.signingUrl ?? options.simulatorUrl);
  // Two bases for the two zones, so a signing URL shows which one it was built on.
  const internal = sim.origin;
  const external = `${sim.protocol}//localhost${sim.port ? `:${sim.port}` : ''}`;
  return {
    schemaVersion: 1,
    services: [
      {
        serviceType: 'private',
        id: SEED_PRIVATE_ID,
        version: 1,
        provider: 'qiyuesuo',
        name: '契约锁私有云(模拟器)',
        isDefault: true,
        appToken: SIMULATOR_DEFAULT_APP.appToken,
        appSecret: SIMULATOR_DEFAULT_APP.appSecret,
        signatories: [{ type: 'person', id: options.currentUserId }],
        status: 'unknown',
        lastSyncedAt: null,
        updatedAt: now,
        openApiUrl: new URL(options.simulatorUrl).origin,
        encryptionKey: SIMULATOR_DEFAULT_APP.encryptionKey,
        signingUrlExternal: external,
        signingUrlInternal: internal,
        autoLogin: {
          mode: 'segment',
          segmentRules: ['10.0.0.0/8', '192.168.0.0/16', '127.0.0.1'],
          domainRules: [],
          segmentPresetIds: [],
        },
        tenantCode: 'e10-dev-tenant-0001',
        oaVersion: 'E10',
        callbackKeys: DEFAULT_CALLBACK_KEYS,
      },
      {
        serviceType: 'public',
        id: SEED_PUBLIC_ID,
        version: 1,
        provider: 'qiyuesuo',
        name: '契约锁公有云',
        isDefault: false,
        appToken: 'qys-public-app-token-demo',
        appSecret: 'qys-public-app-secret-demo',
        signatories: [],
        status: 'unknown',
        lastSyncedAt: null,
        updatedAt: now,
        ssoEnabled: true,
        e10Url: 'https://e10.example.com',
        tenantId: '2961458871234569999',
      },
    ],
    scopes: {
      [SEED_PRIVATE_ID]: {
        scope: options.scope,
        version: 1,
        updatedAt: now,
      },
    },
    recent: options.colleagues.slice(0, 5).map((id) => ({ type: 'person', id })),
    segmentPresets: [
      { id: 'office-lan', name: '办公内网', rules: ['10.0.0.0/8', '192.168.0.0/16'] },
      { id: 'vpn', name: 'VPN 网段', rules: ['172.16.0.0/12'] },
    ],
    synced: {},
  };
}
