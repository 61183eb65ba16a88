/**
 * Decides which signing address (internal / external zone) this browser gets: the binding of the
 * service (`service-id`, else the default service), the client IP as the OA server sees it, and the
 * page's hostname, through `resolveSigningTarget` (src/core/network-strategy).
 *
 * The resolver is an on-demand chunk (the signing-frame entry has a 10 kB budget), used only when the
 * binding's strategy is on (`segment` / `domain`): with 内外网自动登录 off (the default, and every public-cloud
 * service) the answer is the external address. The chunk is requested as soon as an element has a host
 * (`prefetchTarget`), before the binding is known: waiting for it in the first `open()` was most of that
 * open's time (issue #16), and a page with a signing frame and a strategy on needs it anyway.
 */
import type { QysHost } from '../../api/host.js';
import type { Binding, SigningZone } from '../../api/schemas.js';

export interface DecidedTarget {
  zone: SigningZone;
  /** The signing platform base URL of that zone (empty for public cloud: the session URL tells). */
  url: string;
  /** The rule that decided (text as the admin typed it), when one did. */
  matchedRule?: { list: 'segment' | 'domain'; index: number; rule: string; presetName?: string };
  /** Why: `off`, `public`, `segment.match`, `segment.noMatch`, `domain.match`, … */
  reason: string;
  serviceId: string;
}

/** `load` once; a failed load is forgotten, so the next call tries again. */
const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () =>
    (p ??= load().catch((e: unknown) => {
      p = undefined;
      throw e;
    }));
};

/**
 * The zone resolver module. Also loaded ahead of time (`prefetchTarget`) as soon as an element has a host,
 * so the first `open()` on a page does not wait for this chunk (issue #16: it was most of the cold cost).
 */
export const loadResolver = once(() =>
  // The input helpers it shares with the framing verdict are asked for at the same time: a bundler puts them in a
  // chunk of their own, which would otherwise be requested only once the resolver's chunk has arrived and been
  // parsed (a second round trip, often behind the element's first render).
  Promise.all([import('../../core/network-strategy/resolve.js'), import('../../core/input.js')]).then(
    ([m]) => m,
  ),
);
/** The embed-whitelist verdict code (for hosts with `client.inspectFraming`). */
export const loadFraming = once(() => import('../../core/integration/framing.js'));

type RunMessages = typeof import('../../core/signing/run-messages.js');
let messages: RunMessages | undefined;
/**
 * The run's message handling (return page, platform markers) and the reachability probe, needed once a session
 * is shown.
 */
export const loadMessages = once(() =>
  import('../../core/signing/run-messages.js').then((m) => (messages = m)),
);
/** The message handling once loaded (undefined before). */
export const loadedMessages = (): RunMessages | undefined => messages;

/**
 * Starts loading, ahead of the first `open()`, the chunks it may wait for: the zone resolver, the framing
 * verdict when the host inspects framing, and the run's message handling. Called when an element has a host.
 */
export function prefetchTarget(host: QysHost): void {
  for (const load of [loadResolver, loadMessages, ...(host.client?.inspectFraming ? [loadFraming] : [])])
    load().catch(() => undefined);
}

/** The binding cannot be resolved (no default service, or an invalid strategy): code `binding`. */
const bindingError = (message: string) => Object.assign(new Error(message), { code: 'binding' });

export async function decideTarget(
  host: QysHost,
  serviceId: string | undefined,
  page: { host: string; protocol: string },
  signal: AbortSignal,
): Promise<DecidedTarget> {
  const binding: Binding | undefined = serviceId
    ? await host.services.get(serviceId, { signal })
    : (await host.services.list({ signal })).find((b) => b.isDefault);
  if (!binding) throw bindingError('No default signing service');
  if (binding.serviceType === 'public')
    // Public cloud: one address, known only from the session URL the host builds.
    return { zone: 'external', url: '', reason: 'public', serviceId: binding.id };
  const mode = binding.autoLogin.mode;
  if (mode === 'off')
    return { zone: 'external', url: binding.signingUrlExternal, reason: 'off', serviceId: binding.id };
  const [ns, context, presets] = await Promise.all([
    loadResolver(),
    host.client.context({ signal }),
    mode === 'segment' && binding.autoLogin.segmentPresetIds?.length
      ? host.client.segmentPresets({ signal })
      : undefined,
  ]);
  const r = ns.resolveSigningTarget(
    binding,
    // `host` keeps a non-default port and `protocol` lets a rule naming :80/:443 match, exactly as
    // the editor's "try an address" preview decides it.
    { clientIp: context.clientIp, hostname: page.host, protocol: page.protocol },
    { presets: presets ?? null },
  );
  if (!r.ok) throw bindingError(r.issues.map((i) => `${i.path}: ${i.code}`).join('; '));
  return { zone: r.zone, url: r.url, matchedRule: r.matchedRule, reason: r.reason, serviceId: binding.id };
}
