/**
 * Checks the integration checklist asks for, from the Qiyuesuo side: can Qiyuesuo deliver a callback
 * (CALLBACK_CHECK answered `success`), and can it reach `/openserver` with the open-platform
 * credentials? Only Qiyuesuo can tell, so the reference host asks it. The real product has no such
 * API: the simulator's control route `POST {open API}/__sim/e10/probe` does it (simulator's choice);
 * against anything else the answer is `cannot-check`.
 */
import type { ProviderProbe } from '../../src/api/schemas.js';
import type { StoredService } from './model.js';
import type { OpenPlatformCredentials } from './openserver.js';

export const CALLBACK_CHECK_PATH = '/papi/signcenter/qiyuesuo/signCallbackPrivate';

export async function probeProvider(
  service: StoredService,
  kind: 'callback' | 'openserver',
  self: string,
  _openPlatform: OpenPlatformCredentials,
): Promise<ProviderProbe> {
  if (service.serviceType !== 'private') return { kind, status: 'cannot-check', code: 'probe.publicCloud' };
  const target = kind === 'callback' ? `${self}${CALLBACK_CHECK_PATH}` : `${self}/openserver`;
  let res: Response;
  try {
    res = await fetch(`${service.openApiUrl.replace(/\/+$/, '')}/__sim/e10/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind, target }),
      signal: AbortSignal.timeout(20_000),
      redirect: 'manual',
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    return { kind, status: 'cannot-check', code: 'probe.unreachable', detail: cause };
  }
  if (res.status === 404 || !(res.headers.get('content-type') ?? '').includes('json')) {
    await res.body?.cancel();
    return { kind, status: 'cannot-check', code: 'probe.notSimulator', detail: target };
  }
  const r = (await res.json().catch(() => null)) as { ok?: boolean; detail?: string } | null;
  if (!r || typeof r.ok !== 'boolean')
    return { kind, status: 'cannot-check', code: 'probe.notSimulator', detail: target };
  return {
    kind,
    status: r.ok ? 'pass' : 'fail',
    code: `probe.${kind}.${r.ok ? 'ok' : 'failed'}`,
    detail: [target, typeof r.detail === 'string' ? r.detail.slice(0, 300) : ''].filter(Boolean).join(' — '),
  };
}
