/**
 * The picker's per-item rules and limits, DOM-free: which items are locked (`pickedItems`,
 * `disabledItems`, `requiredItems`, each with an optional reason), what a required item blocks, and
 * whether a selection's counts break `min` / `max` limits. The element turns the answers into text.
 * (The paste panel's helpers are in ./paste.ts, loaded with the panel.)
 */
import type { OrgRef } from '../../api/schemas.js';
import { isOrgRef, keyOf, type SelectionCounts } from './org-selection.js';

/** An entry of `pickedItems` / `disabledItems` / `requiredItems`: a ref and, optionally, why. */
export interface ItemRule extends OrgRef {
  reason?: string;
}

export type LockKind = 'picked' | 'disabled' | 'required';

/** A locked item: its kind and the given reason ('' when none was given). */
export interface Lock {
  kind: LockKind;
  reason: string;
}

function ruleMap(list: unknown): Map<string, string> {
  const m = new Map<string, string>();
  // Entries that are not refs are skipped (a page may pass anything).
  for (const r of Array.isArray(list) ? (list as unknown[]) : [])
    if (isOrgRef(r)) m.set(keyOf(r), (r as ItemRule).reason ?? '');
  return m;
}

/** The three rule lists, looked up by key in O(1). Build once per change of the lists. */
export class ItemRules {
  private readonly picked: Map<string, string>;
  private readonly disabled: Map<string, string>;
  private readonly required: Map<string, string>;

  constructor(picked: unknown, disabled: unknown, required: unknown) {
    this.picked = ruleMap(picked);
    this.disabled = ruleMap(disabled);
    this.required = ruleMap(required);
  }

  /** Picked wins over disabled, disabled over required. */
  lockOf(ref: OrgRef): Lock | undefined {
    const k = keyOf(ref);
    const p = this.picked.get(k);
    if (p !== undefined) return { kind: 'picked', reason: p };
    const d = this.disabled.get(k);
    if (d !== undefined) return { kind: 'disabled', reason: d };
    const r = this.required.get(k);
    if (r !== undefined) return { kind: 'required', reason: r };
    return undefined;
  }

  /** The reason ('' when none) of `ref` being required, or undefined. */
  requiredReason(ref: OrgRef): string | undefined {
    return this.required.get(keyOf(ref));
  }

  /**
   * A required item at or under `ref` (its place known through `knownPath`) blocks unchecking `ref`:
   * returns that item's reason ('' when none), or undefined when nothing blocks.
   */
  requiredUnder(ref: OrgRef, knownPath: (key: string) => readonly string[] | undefined): string | undefined {
    const k = keyOf(ref);
    for (const [rk, reason] of this.required) if (rk === k || knownPath(rk)?.includes(k)) return reason;
    return undefined;
  }

  /** Every ref named by the rules (to resolve their places and names). */
  refs(): OrgRef[] {
    const keys = new Set([...this.picked.keys(), ...this.disabled.keys(), ...this.required.keys()]);
    return [...keys].map((k) => {
      const i = k.indexOf(':');
      return { type: k.slice(0, i) as OrgRef['type'], id: k.slice(i + 1) };
    });
  }
}

export interface SelectionLimits {
  required?: boolean;
  min?: number;
  max?: number;
  minPersons?: number;
  maxPersons?: number;
  minUnits?: number;
  maxUnits?: number;
}

/** A broken limit: the message key and the limit, for the element to put in words. */
export type LimitProblem =
  | { key: 'valueMissing' }
  | { key: 'underMin' | 'underMinPersons' | 'underMinUnits'; min: number }
  | { key: 'overLimit' | 'overLimitPersons' | 'overLimitUnits'; max: number };

/** Too few: `required` with nothing chosen, then `min`, `minPersons`, `minUnits` (an empty optional field is fine). */
export function underLimit(c: SelectionCounts, l: SelectionLimits): LimitProblem | undefined {
  const units = c.subcompany + c.department;
  const total = units + c.person;
  if (total === 0) return l.required ? { key: 'valueMissing' } : undefined;
  if (l.min !== undefined && total < l.min) return { key: 'underMin', min: l.min };
  if (l.minPersons !== undefined && c.person < l.minPersons)
    return { key: 'underMinPersons', min: l.minPersons };
  if (l.minUnits !== undefined && units < l.minUnits) return { key: 'underMinUnits', min: l.minUnits };
  return undefined;
}

/** Too many: `max`, then `maxPersons`, then `maxUnits`. */
export function overLimit(c: SelectionCounts, l: SelectionLimits): LimitProblem | undefined {
  const units = c.subcompany + c.department;
  const total = units + c.person;
  if (l.max !== undefined && total > l.max) return { key: 'overLimit', max: l.max };
  if (l.maxPersons !== undefined && c.person > l.maxPersons)
    return { key: 'overLimitPersons', max: l.maxPersons };
  if (l.maxUnits !== undefined && units > l.maxUnits) return { key: 'overLimitUnits', max: l.maxUnits };
  return undefined;
}
