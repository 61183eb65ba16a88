import type { QysEventMap } from '../../src/api/events.js';

/**
 * Every event the elements fire, for the demo's event log. Checked against QysEventMap both ways by
 * the type check: a name that is not in the map (say `qys-strategy-change`) does not compile, and
 * neither does a map entry the log would miss.
 */
export const DEMO_EVENTS = [
  'qys-ready',
  'qys-signed',
  'qys-declined',
  'qys-cancelled',
  'qys-expired',
  'qys-error',
  'qys-blocked',
  'qys-change',
  'qys-save',
  'qys-delete',
  'qys-copy',
  'qys-dirty-change',
  'qys-scope-save',
  'qys-signatories-change',
  'qys-sync-complete',
] as const satisfies readonly (keyof QysEventMap)[];

type Unlogged = Exclude<keyof QysEventMap, (typeof DEMO_EVENTS)[number]>;
/** Fails to compile (naming the event) when QysEventMap has an event the log does not list. */
export const EVERY_EVENT_LOGGED: [Unlogged] extends [never] ? true : Unlogged = true;

/**
 * A submitted form value as the demo shows it: JSON objects and arrays (the strategy editor's value)
 * pretty-printed, anything else as the exact text. IDs stay strings: `JSON.parse('2880000000000000001')`
 * would round a 19-digit ID to 2880000000000000000.
 */
export function shownFormValue(v: string): unknown {
  const t = v.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return v;
  // A long number literal inside would be rounded too: keep such a value as text.
  if (/(^|[^"\w.])\d{16,}/.test(t.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}
