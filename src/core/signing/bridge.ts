/**
 * Acceptance of the return page's completion message (`{ source: 'qys-bridge', type, nonce, … }`).
 *
 * A message is accepted only when all of these hold, checked in this order:
 * 1. `origin` is the session's `returnOrigin` (the OA origin serving the return page);
 * 2. `event.source` is the element's own frame window (or its popup);
 * 3. the data has the bridge shape (`isBridgeMessage`, kept in agreement with `BridgeMessageSchema`
 *    by a test; hand-written so the signing-frame entry does not carry zod);
 * 4. the nonce is the one currently issued, and has not been used before (single use).
 * Everything else is ignored and counted, so a page can see what was refused while debugging.
 */

export type BridgeType = 'signed' | 'declined' | 'cancelled' | 'expired' | 'error' | 'login-required';

export interface BridgeData {
  source: 'qys-bridge';
  type: BridgeType;
  nonce: string;
  contractId?: string;
  code?: string;
  message?: string;
}

const TYPES = ['signed', 'declined', 'cancelled', 'expired', 'error', 'login-required'];
const OPTIONAL = ['contractId', 'code', 'message'] as const;

/** True when `data` has the shape of `BridgeMessageSchema` (extra keys allowed, as zod objects allow). */
export function isBridgeMessage(data: unknown): data is BridgeData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const d = data as Record<string, unknown>;
  return (
    d.source === 'qys-bridge' &&
    TYPES.includes(d.type as string) &&
    typeof d.nonce === 'string' &&
    OPTIONAL.every((k) => d[k] === undefined || typeof d[k] === 'string')
  );
}

export type RejectReason = 'origin' | 'source' | 'shape' | 'nonce' | 'replay';

export interface MessageStats {
  accepted: number;
  origin: number;
  source: number;
  shape: number;
  nonce: number;
  replay: number;
}

export interface Expectation {
  origin: string;
  source: MessageEventSource | null;
  nonce: string;
}

/** Stateful gate: remembers the nonce in force and every nonce already used. */
export class BridgeGate {
  readonly stats: MessageStats = { accepted: 0, origin: 0, source: 0, shape: 0, nonce: 0, replay: 0 };
  private expected: Expectation | undefined;
  private readonly used = new Set<string>();

  /**
   * Sets what the next message must match (a new session: new nonce, origin and window). The
   * expectation stays after a message is accepted, so a repeat of it is counted as a replay.
   */
  expect(expectation: Expectation | undefined): void {
    this.expected = expectation;
  }

  /** Returns the accepted data, or the reason it was refused (and counts it). */
  check(event: Pick<MessageEvent, 'origin' | 'source' | 'data'>): BridgeData | RejectReason {
    const reason = this.reason(event);
    this.stats[reason === undefined ? 'accepted' : reason]++;
    if (reason !== undefined) return reason;
    const data = event.data as BridgeData;
    this.used.add(data.nonce);
    return data;
  }

  private reason(event: Pick<MessageEvent, 'origin' | 'source' | 'data'>): RejectReason | undefined {
    const x = this.expected;
    if (!x || event.origin !== x.origin) return 'origin';
    if (!event.source || event.source !== x.source) return 'source';
    if (!isBridgeMessage(event.data)) return 'shape';
    if (this.used.has(event.data.nonce)) return 'replay';
    if (event.data.nonce !== x.nonce) return 'nonce';
    return undefined;
  }
}

/**
 * A page marker some platforms post (the simulator does: `{ source: 'qys-platform', page, reason }`
 * from every page, to its parent or opener). The real platform posts nothing, so a marker is only a
 * hint, taken only from the expected window and the platform's origin: a `login` page means SSO
 * failed (`reason` `expired` / `session-expired`: the link expired).
 */
export function isPlatformMarker(data: unknown): boolean {
  return (data as { source?: unknown } | null)?.source === 'qys-platform';
}

/**
 * What a platform page marker says went wrong (see isPlatformMarker), if anything. A login page with
 * reason `cookie-blocked` means the sign-on went through but the browser did not keep the platform's
 * session cookie: it gives a cross-site frame no cookies (third-party storage blocked).
 */
export function markerCause(data: unknown): 'login-required' | 'expired' | 'third-party-storage' | undefined {
  const d = data as { source?: unknown; page?: unknown; reason?: unknown } | null;
  if (!d || d.source !== 'qys-platform' || d.page !== 'login') return undefined;
  if (d.reason === 'cookie-blocked') return 'third-party-storage';
  return d.reason === 'expired' || d.reason === 'session-expired' ? 'expired' : 'login-required';
}
