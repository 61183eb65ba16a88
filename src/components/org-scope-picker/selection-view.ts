/**
 * The picker's selection as it is shown above the tree: the counts line here (first paint), the chips
 * (one per rule, with "+N") and the flags (resigned / missing persons) in ./chips.ts, loaded when there is
 * a selection to show or after the first paint. Templates only; the element passes what they show and
 * the two actions (remove a rule, show all chips).
 */
import type { Params } from '../../internal/localize.js';
import { html, nothing, type css, type TemplateResult } from 'lit';
import type { OrgCount, OrgNode, OrgRef } from '../../api/schemas.js';
import type { OrgSelection, ToggleTarget } from '../../core/org-selection/org-selection.js';
import type { ItemRules } from '../../core/org-selection/rules.js';

/** What the on-demand parts (chips, 批量添加) take from lit: handed over by the picker, not imported. */
export interface PartLit {
  html: typeof html;
  nothing: typeof nothing;
  css: typeof css;
}

export interface SelectionViewContext {
  readonly uid: string;
  readonly sel: OrgSelection;
  readonly count: OrgCount | undefined;
  readonly countState: 'idle' | 'loading' | 'error';
  readonly rules: ItemRules;
  readonly disabled: boolean;
  readonly chipLimit: number;
  readonly chipsExpanded: boolean;
  t(key: string, params?: Params): string;
  node(key: string): OrgNode | undefined;
  isMissing(key: string): boolean;
  targetOf(node: OrgNode): ToggleTarget;
  remove(ref: OrgRef): void;
  toggleChips(): void;
}

/** The counts line ("3 个分部 · 12 个部门 · 40 人 · 共 4,210 人"). */
export function renderSummary(c: SelectionViewContext): TemplateResult {
  const counts = c.sel.counts();
  const parts: string[] = [];
  if (counts.subcompany) parts.push(c.t('summary.subcompany', { n: counts.subcompany }));
  if (counts.department) parts.push(c.t('summary.department', { n: counts.department }));
  if (counts.person) parts.push(c.t('summary.person', { n: counts.person }));
  const excluded = c.sel.excludes.length;
  if (excluded) parts.push(c.t('summary.excluded', { n: excluded }));
  // Only persons chosen: their number is the total already ("3 人", not "3 人 共 3 人").
  const onlyPersons = !counts.subcompany && !counts.department && !excluded;
  let total = '';
  if (!c.sel.isEmpty) {
    if (c.countState === 'error') total = onlyPersons ? '' : c.t('summary.countFailed');
    else if (c.count && c.countState === 'idle') {
      const tp = onlyPersons ? [] : [c.t('summary.total', { n: c.count.total })];
      if (c.count.inactive) tp.push(c.t('summary.inactive', { n: c.count.inactive }));
      total = tp.join(' · ');
    } else if (!onlyPersons) total = c.t('summary.counting');
  }
  return html`<div part="summary" id="${c.uid}-summary">
    <span>${parts.length ? parts.join(' · ') : c.t('summary.none')}</span>
    ${total ? html`<span data-total>${total}</span>` : nothing}
  </div>`;
}
