/**
 * Public-cloud single sign-on, the OA side (/work/shared/qiyuesuo-real-api.md, official help pages): the
 * OA issues a ticket (a random UUID) and sends the browser to `<public cloud>/open/ssogateway?ticket=…`;
 * Qiyuesuo POSTs the ticket to this CAS-style validation endpoint, which answers
 * `{ code: 0, message: 'SUCCESS', result: { contact, name } }` once and forgets the ticket (single use,
 * 5 minutes). The route path is the project's choice (docs/simulator-api.md).
 */
import { randomUUID } from 'node:crypto';

export const CAS_VALIDATE_PATH = '/qys/sso/validate';
const TTL_MS = 5 * 60 * 1000;
const MAX_TICKETS = 10_000;

export interface CasPerson {
  contact: string;
  name: string;
}

export class CasTickets {
  readonly #tickets = new Map<string, CasPerson & { exp: number }>();

  issue(person: CasPerson, now = Date.now()): string {
    for (const [t, v] of this.#tickets) if (v.exp <= now) this.#tickets.delete(t);
    if (this.#tickets.size >= MAX_TICKETS) this.#tickets.delete(this.#tickets.keys().next().value as string);
    const ticket = randomUUID();
    this.#tickets.set(ticket, { ...person, exp: now + TTL_MS });
    return ticket;
  }

  /** The person of a live ticket, which is invalidated; `undefined` for an unknown, used or expired one. */
  redeem(ticket: string, now = Date.now()): CasPerson | undefined {
    const found = this.#tickets.get(ticket);
    this.#tickets.delete(ticket);
    if (!found || found.exp <= now) return undefined;
    return { contact: found.contact, name: found.name };
  }
}

/** The ticket from a validation request body: form-urlencoded (as Qiyuesuo posts) or JSON. */
export function ticketFrom(contentType: string, body: string): string | undefined {
  let ticket: unknown;
  if (/^application\/json\b/i.test(contentType)) {
    try {
      ticket = (JSON.parse(body) as { ticket?: unknown } | null)?.ticket;
    } catch {
      return undefined;
    }
  } else ticket = new URLSearchParams(body).get('ticket');
  return typeof ticket === 'string' && /^[0-9a-f-]{36}$/i.test(ticket) ? ticket : undefined;
}
