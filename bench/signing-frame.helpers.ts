// Helpers of the signing-frame benchmarks (no describe blocks: importing this file runs no benchmark).
import { createMemoryHost } from '../src/api/memory-host/index.js';
import type { QysSigningFrame } from '../src/components/signing-frame/signing-frame.js';
import { nextFrames, paintedAfter } from './record.js';

/**
 * The memory host with its bindings' signing addresses on this page's origin: the frame's reachability probe
 * and the frame then stay on loopback (the sample binding names 10.0.0.21 and qys.example.com).
 */
export function loopbackHost(): ReturnType<typeof createMemoryHost> {
  const host = createMemoryHost({ signingUrl: (r) => `${location.origin}/__bench-blank?n=${r.nonce}` });
  const here = <B extends { serviceType: string }>(b: B): B =>
    b.serviceType === 'private'
      ? { ...b, signingUrlInternal: location.origin, signingUrlExternal: location.origin }
      : b;
  const services = host.services;
  return {
    ...host,
    services: {
      ...services,
      list: async (o) => (await services.list(o)).map(here),
      get: async (id, o) => here(await services.get(id, o)),
    },
  };
}

const hasSrc = (el: QysSigningFrame) => !!el.shadowRoot!.querySelector('iframe')?.getAttribute('src');

/** performance.now() when the element's frame first carries a src. */
function srcSet(el: QysSigningFrame): Promise<number> {
  return new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (hasSrc(el)) {
        mo.disconnect();
        resolve(performance.now());
      }
    });
    mo.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
  });
}

/**
 * Mounts, waits for the first render to be painted (and `gapMs` more: a person's click), opens:
 * [open → src set, open → src set painted].
 */
export async function openOnce(
  host: ReturnType<typeof createMemoryHost>,
  gapMs: number,
): Promise<[number, number]> {
  const el = document.createElement('qys-signing-frame');
  el.host = host;
  el.contractId = '2961458871234567001';
  document.body.append(el);
  await el.updateComplete;
  await nextFrames();
  if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
  const nav = srcSet(el);
  const t0 = performance.now();
  void el.open();
  const painted = paintedAfter(t0, () => hasSrc(el));
  const src = (await nav) - t0;
  const p = await painted;
  el.remove();
  return [src, p];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
