/**
 * The picker's selection as it is shown above the tree: the counts line, the chips (one per rule, with
 * "+N"), and the flags (resigned / missing persons in the selection). Templates only; the element passes
 * what they show and the two actions (remove a rule, show all chips).
 */
import type { Params } from '../../internal/localize.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { OrgCount, OrgNode, OrgNodeType, OrgRef } from '../../api/schemas.js';
import { keyOf, type OrgSelection, type ToggleTarget } from '../../core/org-selection/org-selection.js';
import type { ItemRules } from '../../core/org-selection/rules.js';

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

const inactive = (n: OrgNode | undefined) => n?.status === 'resigned' || n?.status === 'invalid';

/** Selected persons who resigned or are invalid. */
export function inactiveSelected(sel: OrgSelection, node: (key: string) => OrgNode | undefined): OrgRef[] {
  return sel.includes.filter((r) => r.type === 'person' && inactive(node(keyOf(r))));
}

const typeName = (c: SelectionViewContext, type: OrgNodeType) => c.t(`type.${type}`);

export function nameOf(c: Pick<SelectionViewContext, 't' | 'node'>, ref: OrgRef): string {
  return c.node(keyOf(ref))?.name ?? c.t('chip.unknown', { type: c.t(`type.${ref.type}`), id: ref.id });
}

function renderSummary(c: SelectionViewContext): TemplateResult {
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

function chipLabel(c: SelectionViewContext, ref: OrgRef, excluded: boolean): string {
  const k = keyOf(ref);
  if (c.isMissing(k)) return c.t('chip.missing', { type: typeName(c, ref.type), id: ref.id });
  const name = nameOf(c, ref);
  if (excluded) return c.t('chip.excluded', { name });
  const node = c.node(k);
  if (ref.type === 'person') return inactive(node) ? `${name}（${c.t(`status.${node!.status!}`)}）` : name;
  const n = c.count?.byRef[k];
  const partial = node ? c.sel.stateOf(c.targetOf(node)) === 'mixed' : false;
  // While counting, the number shows as "…".
  return c.t(partial ? 'chip.unitPart' : 'chip.unitAll', { name, n: n ?? '…' });
}

function renderChip(c: SelectionViewContext, ref: OrgRef, excluded: boolean): TemplateResult {
  const k = keyOf(ref);
  const missing = c.isMissing(k);
  const label = chipLabel(c, ref, excluded);
  const req = !excluded ? c.rules.requiredReason(ref) : undefined;
  const title = missing ? c.t('chip.missingTitle', { type: typeName(c, ref.type) }) : (req ?? label);
  const cls = excluded ? 'excluded' : missing ? 'missing' : inactive(c.node(k)) ? 'inactive' : '';
  return html`<li part="chip" class=${cls} title=${title} data-key=${k}>
    <span class="chip-text">${label}</span>
    ${
      req !== undefined
        ? html`<span class="sr-only">${req || c.t('reason.required')}</span>`
        : c.disabled
          ? nothing
          : html`<button
              part="chip-remove"
              type="button"
              aria-label=${c.t('chip.remove', { name: label })}
              @click=${() => c.remove(ref)}
            >
              ×
            </button>`
    }
  </li>`;
}

function renderChips(c: SelectionViewContext): TemplateResult | typeof nothing {
  const all: [OrgRef, boolean][] = [
    ...c.sel.includes.map((r) => [r, false] as [OrgRef, boolean]),
    ...c.sel.excludes.map((r) => [r, true] as [OrgRef, boolean]),
  ];
  if (!all.length) return nothing;
  const limit = Math.max(1, c.chipLimit || 8);
  const shown = c.chipsExpanded ? all : all.slice(0, limit);
  const rest = all.length - shown.length;
  return html`<ul part="chips" aria-label=${c.t('selectionLabel')}>
    ${shown.map(([r, ex]) => renderChip(c, r, ex))}
    ${
      all.length > limit
        ? html`<li>
            <button
              part="more"
              type="button"
              aria-expanded=${c.chipsExpanded ? 'true' : 'false'}
              aria-label=${c.chipsExpanded ? nothing : c.t('chip.moreLabel', { n: rest })}
              @click=${() => c.toggleChips()}
            >
              ${c.chipsExpanded ? c.t('chip.less') : c.t('chip.more', { n: rest })}
            </button>
          </li>`
        : nothing
    }
  </ul>`;
}

function renderFlags(c: SelectionViewContext): TemplateResult[] {
  const out: TemplateResult[] = [];
  const n = inactiveSelected(c.sel, (k) => c.node(k)).length;
  if (n) out.push(html`<p part="flag" data-flag="inactive">${c.t('flag.inactive', { n })}</p>`);
  const missing = [...c.sel.includes, ...c.sel.excludes].filter((r) => c.isMissing(keyOf(r))).length;
  if (missing) out.push(html`<p part="flag" data-flag="missing">${c.t('flag.missing', { n: missing })}</p>`);
  return out;
}

/** Summary, chips and flags, in that order. */
export function renderSelection(c: SelectionViewContext): TemplateResult {
  return html`${renderSummary(c)} ${renderChips(c)} ${renderFlags(c)}`;
}
