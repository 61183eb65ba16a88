/**
 * Messages to a signing run (src/core/signing/run.ts): the return page's bridge reports, through the run's gate
 * (origin, window, nonce, once), and the platform's page markers (hints, from the expected window and the
 * platform's origin only). An on-demand chunk of the signing-frame entry: it is needed only once a session is
 * shown, and the element loads it ahead of that. DOM-free.
 */
import { isPlatformMarker, markerCause, type BridgeData } from './bridge.js';
import type { SigningMessage, SigningRun } from './run.js';

// The reachability probe travels with this chunk: the element runs it once the session's page is in the frame.
export { probeReachable } from './probe.js';

/** Input: a `message` event; `expected` is the window this run's page lives in (frame or popup). */
export function handleMessage(m: SigningRun, e: SigningMessage, expected: unknown): void {
  if (isPlatformMarker(e.data)) {
    // A platform's own page marker (not a bridge message, so not counted by the gate: the signing
    // page's marker can arrive after qys-ready, in WebKit): a hint, from our window and the platform only.
    const hint = markerCause(e.data);
    const live = m.state === 'loading' || m.state === 'ready' || m.state === 'popup';
    if (hint && live && e.origin === m.platformOrigin && e.source && e.source === expected) {
      const nonce = m.gateNonce;
      m.gateNonce = ''; // the session is spent
      // No cookies in a cross-site frame: a new session would end the same way; the popup, a
      // first-party window, keeps them (offered by the blocked view). A popup with none: SSO failed.
      if (hint === 'third-party-storage' && m.display === 'frame')
        m.blockIf({ targetUrl: m.platformOrigin, storageBlocked: true });
      else
        void report(
          m,
          { source: 'qys-bridge', type: hint === 'third-party-storage' ? 'login-required' : hint, nonce },
          m.run,
        );
    }
    return;
  }
  const data = m.gate.check(e as Pick<MessageEvent, 'origin' | 'source' | 'data'>);
  if (typeof data !== 'string') void report(m, data, m.run);
}

/** A return-page report the gate accepted (or a platform marker's). */
export async function report(m: SigningRun, data: BridgeData, run: number): Promise<void> {
  const contractId = data.contractId ?? m.sessionContractId;
  if (data.type === 'login-required' || data.type === 'expired') {
    const n = data.type === 'expired' ? ++m.expiredReports : ++m.loginReports;
    if (data.type === 'expired') m.hooks.emit('qys-expired', { contractId });
    if (n > 1) {
      m.blockIf({
        targetUrl: m.platformOrigin,
        expiredReports: m.expiredReports,
        loginReports: m.loginReports,
      });
      return;
    }
    m.state = 'preparing';
    m.note = data.type === 'expired' ? { key: 'expired' } : undefined;
    return m.hooks.renew(m.display);
  }
  if (data.type === 'error') {
    m.stop();
    const error = new Error(data.message ?? data.code ?? 'error');
    m.state = 'error';
    m.note = { key: 'error', params: { message: data.message ?? data.code ?? '' } };
    m.hooks.emit('qys-error', { error, code: data.code ?? 'platform' });
    return;
  }
  m.stop();
  if (data.type === 'cancelled') return m.finish('cancelled', contractId);
  m.state = data.type;
  run = m.run; // stop() began a new run: a newer open() now supersedes this confirmation
  void m.result;
  const settle = m.settle; // this run's: a newer open() replaces m.settle
  const confirmed = contractId ? await m.hooks.confirm(contractId, m.target?.serviceId) : undefined;
  if (run !== m.run) {
    // Superseded (a newer open(), or the element was removed) while the host confirmed: the user
    // did sign or decline, so this run's outcome is still told, leaving the newer run alone.
    m.hooks.emit(data.type === 'signed' ? 'qys-signed' : 'qys-declined', { contractId, confirmed });
    return settle?.({ type: data.type, contractId, ...(confirmed ? { confirmed } : {}) });
  }
  m.finish(data.type, contractId, confirmed);
}
