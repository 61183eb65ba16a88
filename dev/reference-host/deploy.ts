/**
 * 一键部署 (seed 000 §3.1): the Qiyuesuo console (添加EC系统集成 → 泛微E10 → 一键部署) pushes its
 * integration to the OA, which creates a service configuration in 绑定设置. The E10 open platform is
 * not public, so the route is **the project's choice** (docs/contract-e10.md):
 *
 * `POST /openserver/api/qiyuesuo/deploy` with `Authorization: Bearer <token from /openserver/oauth2/token>`
 * and JSON `{openApiUrl, appToken, appSecret, encryptionKey, signingUrlExternal, signingUrlInternal?,
 * name?, tenantCode?, oaVersion?, callbackToken?, callbackAesKey?}` → 201 with the new service
 * (`createdBy: "deploy"`, `pendingFields` = what the admin still has to fill), or 200 when a service
 * with the same App Token exists (its fields are refreshed; signatories, scope and default are kept).
 * Refused input: 422 with `issues`, as a save.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import {
  BindingInputSchema,
  OaVersionSchema,
  toValidationIssues,
  type Binding,
} from '../../src/api/schemas.js';
import { toBinding, type StoreDoc, type StoredService } from './model.js';
import type { OpenServer } from './openserver.js';
import type { JsonStore } from './store.js';

export const DEPLOY_PATH = '/openserver/api/qiyuesuo/deploy';

const DeployBodySchema = z.object({
  name: z.optional(z.string().check(z.maxLength(100, { error: 'text.tooLong' }))),
  openApiUrl: z.string(),
  appToken: z.string(),
  appSecret: z.string(),
  encryptionKey: z.string(),
  signingUrlExternal: z.string(),
  signingUrlInternal: z.optional(z.string()),
  tenantCode: z.optional(z.string()),
  oaVersion: z.optional(OaVersionSchema),
  callbackToken: z.optional(z.string().check(z.minLength(8), z.maxLength(256))),
  callbackAesKey: z.optional(z.string().check(z.minLength(16), z.maxLength(256))),
});

/** What the admin still has to fill on a service 一键部署 created. */
export function pendingFieldsOf(s: StoredService, d: StoreDoc): string[] {
  const out: string[] = [];
  if (s.signatories.length === 0) out.push('signatories');
  if (!d.scopes[s.id]) out.push('scope');
  if (s.serviceType === 'private' && !s.signingUrlInternal.trim()) out.push('signingUrlInternal');
  return out;
}

/** The public view of a service, with `pendingFields` for one that 一键部署 created. */
export function bindingView(s: StoredService, d: StoreDoc): Binding {
  const b = toBinding(s);
  return s.createdBy === 'deploy' ? ({ ...b, pendingFields: pendingFieldsOf(s, d) } as Binding) : b;
}

export interface DeployDeps {
  store: JsonStore<StoreDoc>;
  openServer: OpenServer;
  log(line: string): void;
}

export function createDeployRoute(deps: DeployDeps) {
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: () => Promise<string>,
  ): Promise<boolean> {
    if (url.pathname !== DEPLOY_PATH) return false;
    if (req.method !== 'POST') {
      send(res, 405, { error: { code: 'method', message: 'POST the integration as JSON' } });
      return true;
    }
    try {
      deps.openServer.authorize(req);
    } catch (e) {
      const err = e as { status: number; code: string; message: string };
      send(res, err.status, { error: { code: err.code, message: err.message } });
      return true;
    }
    if (!/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''))) {
      send(res, 415, {
        error: { code: 'content-type', message: 'The body must be sent as application/json' },
      });
      return true;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await body());
    } catch {
      send(res, 400, { error: { code: 'bad-request', message: 'The body is not JSON' } });
      return true;
    }
    const parsed = z.safeParse(DeployBodySchema, raw);
    if (!parsed.success) {
      send(res, 422, {
        error: {
          code: 'validation',
          message: 'The input was refused',
          issues: toValidationIssues(parsed.error.issues),
        },
      });
      return true;
    }
    const p = parsed.data;
    const existing = deps.store.data.services.find(
      (s) => s.serviceType === 'private' && s.appToken === p.appToken,
    );
    // The pushed integration must make a valid binding (same rules as a save).
    const input = {
      serviceType: 'private' as const,
      provider: 'qiyuesuo',
      name: p.name ?? existing?.name ?? '契约锁私有云（一键部署）',
      isDefault: existing?.isDefault ?? !deps.store.data.services.some((s) => s.isDefault),
      appToken: p.appToken,
      appSecret: p.appSecret,
      signatories: existing?.signatories ?? [],
      openApiUrl: p.openApiUrl,
      encryptionKey: p.encryptionKey,
      signingUrlExternal: p.signingUrlExternal,
      signingUrlInternal:
        p.signingUrlInternal ?? (existing?.serviceType === 'private' ? existing.signingUrlInternal : ''),
      autoLogin:
        existing?.serviceType === 'private'
          ? existing.autoLogin
          : { mode: 'off' as const, segmentRules: [], domainRules: [] },
      ...(p.tenantCode !== undefined ? { tenantCode: p.tenantCode } : {}),
      oaVersion: p.oaVersion ?? 'E10',
      ...(existing ? { id: existing.id, version: existing.version } : {}),
    };
    const checked = z.safeParse(BindingInputSchema, input);
    if (!checked.success) {
      send(res, 422, {
        error: {
          code: 'validation',
          message: 'The input was refused',
          issues: toValidationIssues(checked.error.issues),
        },
      });
      return true;
    }
    const now = new Date().toISOString();
    const saved = await deps.store.update((d) => {
      const { appSecret, id: _i, version: _v, ...fields } = checked.data;
      const prev = existing ? d.services.find((s) => s.id === existing.id) : undefined;
      const s = {
        ...fields,
        id: prev?.id ?? randomUUID(),
        version: prev ? prev.version + 1 : 1,
        appSecret: appSecret ?? '',
        status: prev?.status ?? 'unknown',
        lastSyncedAt: prev?.lastSyncedAt ?? null,
        updatedAt: now,
        createdBy: 'deploy',
        ...(prev?.personSync ? { personSync: prev.personSync } : {}),
        ...(p.callbackToken && p.callbackAesKey
          ? { callbackKeys: { token: p.callbackToken, aesKey: p.callbackAesKey } }
          : prev?.callbackKeys
            ? { callbackKeys: prev.callbackKeys }
            : {}),
      } as StoredService;
      if (prev) d.services[d.services.indexOf(prev)] = s;
      else d.services.push(s);
      return s;
    });
    deps.log(`一键部署: service ${saved.id} ${existing ? 'updated' : 'created'}`);
    send(res, existing ? 200 : 201, bindingView(saved, deps.store.data));
    return true;
  };
}
