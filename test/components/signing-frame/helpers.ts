/**
 * Test set-up for <qys-signing-frame> against the real servers the test run starts (dev/servers.ts):
 * the reference host (createHttpHost over HTTP) and the Qiyuesuo simulator. Each test gets its own
 * simulator scope (`/s/<id>`) and its own service pointing at it, so tests do not interfere.
 */
import { fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { createHttpHost } from '../../../src/api/http-host.js';
import { createMemoryHost } from '../../../src/api/memory-host/index.js';
import type { QysHost } from '../../../src/api/host.js';
import type { SigningSession, SigningSessionRequest } from '../../../src/api/schemas.js';
import { SIMULATOR_DEFAULT_APP } from '../../../dev/simulator/defaults.js';
import '../../../src/components/signing-frame/define.js';
import type { QysSigningFrame } from '../../../src/components/signing-frame/signing-frame.js';

export interface Env {
  referenceHost: string;
  /** The simulator's open API (and control endpoints). */
  simulator: string;
  /** The simulator's signing web app (its own origin): what the frame loads. */
  simulatorSigning: string;
}

let envPromise: Promise<Env> | undefined;
export const env = () => (envPromise ??= fetch('/__qys/env').then((r) => r.json() as Promise<Env>));

let n = 0;
export const scopeName = (label: string) =>
  `sf-${label}-${Date.now().toString(36)}-${(n++).toString(36)}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);

/** Patches a simulator scope's state (`POST /s/<scope>/__sim/state`). */
export async function sim(scope: string, patch: Record<string, unknown>): Promise<void> {
  const { simulator } = await env();
  const r = await fetch(`${simulator}/s/${scope}/__sim/state`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  if (!r.ok) throw new Error(`sim state ${r.status}: ${await r.text()}`);
}

export interface Recorded {
  host: QysHost;
  requests: SigningSessionRequest[];
  sessions: SigningSession[];
  serviceId: string;
  scope: string;
}

/**
 * A private service on its own simulator scope, with 内外网自动登录 by segment (127.0.0.1 → internal),
 * and an HTTP host that records every session request (to read the nonce it carried). `edit`
 * may change each session the host returns (to simulate a slow or expired URL).
 */
export async function setup(
  label: string,
  options: {
    simState?: Record<string, unknown>;
    signingUrl?: string;
    mode?: 'off' | 'segment' | 'domain';
    domainRules?: string[];
    edit?: (
      s: SigningSession,
      i: number,
      req: SigningSessionRequest,
    ) => SigningSession | Promise<SigningSession>;
  } = {},
): Promise<Recorded> {
  const { referenceHost, simulator, simulatorSigning } = await env();
  const scope = scopeName(label);
  const base = `${simulator}/s/${scope}`;
  const signingBase = `${simulatorSigning}/s/${scope}`;
  await sim(scope, options.simState ?? {});
  const http = createHttpHost({ baseUrl: referenceHost });
  const saved = await http.services.save({
    serviceType: 'private',
    provider: 'qiyuesuo',
    name: `signing-frame ${scope}`.slice(0, 100),
    isDefault: false,
    appToken: SIMULATOR_DEFAULT_APP.appToken,
    appSecret: SIMULATOR_DEFAULT_APP.appSecret,
    signatories: [],
    openApiUrl: base,
    encryptionKey: SIMULATOR_DEFAULT_APP.encryptionKey,
    signingUrlExternal: options.signingUrl ?? signingBase,
    signingUrlInternal: options.signingUrl ?? signingBase,
    autoLogin:
      options.mode === 'off'
        ? { mode: 'off', segmentRules: [], domainRules: [], segmentPresetIds: [] }
        : options.mode === 'domain'
          ? { mode: 'domain', segmentRules: [], domainRules: options.domainRules ?? [], segmentPresetIds: [] }
          : {
              mode: 'segment',
              segmentRules: ['10.0.0.0/8', '127.0.0.1'],
              domainRules: [],
              segmentPresetIds: [],
            },
  });
  const requests: SigningSessionRequest[] = [];
  const sessions: SigningSession[] = [];
  const host: QysHost = {
    ...http,
    signing: {
      ...http.signing,
      createSession: async (req, o) => {
        requests.push(req);
        let s = await http.signing.createSession(req, o);
        if (options.edit) s = await options.edit(s, requests.length - 1, req);
        sessions.push(s);
        return s;
      },
    },
  };
  return { host, requests, sessions, serviceId: saved.id, scope };
}

let contractSeq = 0;
export const contractId = () => `${Date.now()}${String(contractSeq++).padStart(6, '0')}`.slice(0, 19);

/** Makes the contract known to the simulator scope (status SIGNING). */
export async function contract(scope: string, id = contractId()): Promise<string> {
  await sim(scope, { contracts: [{ id, subject: `测试合同 ${id}`, status: 'SIGNING' }] });
  return id;
}

export async function frameFor(
  r: Recorded,
  cid: string,
  attrs: { lang?: string } = {},
): Promise<QysSigningFrame> {
  return fixture<QysSigningFrame>(
    html`<qys-signing-frame
      .host=${r.host}
      contract-id=${cid}
      service-id=${r.serviceId}
      lang=${attrs.lang ?? 'en'}
    ></qys-signing-frame>`,
  );
}

/** Waits for an event, failing after `ms`. */
export function waitFor<T extends Event>(el: EventTarget, name: string, ms = 8000): Promise<T> {
  return Promise.race([
    oneEvent(el, name) as Promise<T>,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${name} within ${ms} ms`)), ms)),
  ]);
}

export const shadow = (el: QysSigningFrame) => el.shadowRoot!;
/**
 * The frame a person sees: the one with a session URL. Besides it there may be one hidden blank frame, made at
 * idle for the next session; `frameOf` checks on every call that any other frame is exactly that (hidden, never
 * given a src), so no test that asks for the frame misses a second, visible or navigated one.
 */
export const frameOf = (el: QysSigningFrame): HTMLIFrameElement | null => {
  const all = [...shadow(el).querySelectorAll('iframe')];
  const shown = all.filter((f) => f.hasAttribute('src'));
  const blank = all.filter((f) => !f.hasAttribute('src'));
  if (shown.length > 1) throw new Error(`${shown.length} frames with a src`);
  if (blank.length > 1 || blank.some((f) => !f.hidden || f.getAttribute('part')))
    throw new Error(`blank frames: ${blank.map((f) => f.outerHTML).join(', ')}`);
  return shown[0] ?? null;
};
export const text = (el: QysSigningFrame, part: string) =>
  (shadow(el).querySelector(`[part="${part}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `get` until it gives something truthy, failing after `ms` with what was waited for. */
export async function until<T>(get: () => T, what: string, ms = 5000): Promise<NonNullable<T>> {
  for (const t0 = Date.now(); ; await sleep(20)) {
    const v = get();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
  }
}

/** A same-origin page a session URL can point at (a test can look into the frame). */
export const BLANK_PAGE = `${location.origin}/test/components/signing-frame/blank.html`;

/**
 * The memory host (client IP 10.1.2.3: its default binding's segment rule 10.0.0.0/8 decides the internal zone),
 * its signing addresses on this origin and its session URLs on `BLANK_PAGE`.
 */
export function sameOriginHost(): QysHost {
  const host = createMemoryHost({ signingUrl: (r) => `${BLANK_PAGE}?n=${r.nonce}` });
  const here = <B extends { serviceType: string }>(b: B): B =>
    b.serviceType === 'private'
      ? { ...b, signingUrlInternal: location.origin, signingUrlExternal: location.origin }
      : b;
  return {
    ...host,
    services: {
      ...host.services,
      list: async (o) => (await host.services.list(o)).map(here),
      get: async (id, o) => here(await host.services.get(id, o)),
    },
  };
}

/**
 * Presses a button of the simulator's signing page the way a user does: a real click into the
 * frame (focus moves into its document), Tab past the decline-reason box to the button, Enter.
 */
export async function act(el: QysSigningFrame, action: 'sign' | 'decline' | 'cancel' | 'expire') {
  await sleep(250); // let the page settle (focus, layout) before the user acts
  const r = frameOf(el)!.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + 8), Math.round(r.top + 8)] });
  const tabs = { sign: 2, decline: 3, cancel: 4, expire: 5 }[action];
  for (let i = 0; i < tabs; i++) await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Enter' });
}

/** The reference host's return page URL, as the platform would navigate to it. */
export async function returnUrl(query: Record<string, string>): Promise<string> {
  const { referenceHost } = await env();
  const parent = btoa(location.origin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${referenceHost}/qys-return/o/${parent}?${new URLSearchParams(query)}`;
}
