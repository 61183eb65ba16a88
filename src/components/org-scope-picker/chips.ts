/**
 * The picker's chips (one per rule, "+N" for the rest) and flags (resigned / missing persons in the
 * selection): loaded on demand (./selection-view.ts has the counts line of the first paint).
 */
import type { CSSResult, TemplateResult } from 'lit';
import type { OrgNode, OrgNodeType, OrgRef } from '../../api/schemas.js';
import type { OrgSelection } from '../../core/org-selection/org-selection.js';
import type { PartLit, SelectionViewContext } from './selection-view.js';

// lit and keyOf come from the picker (init), not by import: this chunk then shares no module with the
// page's entry, and bundlers that split (esbuild) keep the entry in one file (smaller after gzip).
let html: PartLit['html'];
let nothing: PartLit['nothing'];
const keyOf = (ref: OrgRef): string => `${ref.type}:${ref.id}`;

/** Takes lit from the picker; returns the chips' styles (adopted when this part loads). */
export function init(lit: PartLit): CSSResult {
  ({ html, nothing } = lit);
  const { css } = lit;
  return css`
    [part='chips'] {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part='chip'] {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      max-inline-size: 100%;
      padding-block: 1px;
      padding-inline: 8px 2px;
      border-radius: 12px;
      background: var(--qys-org-picker-chip-background, var(--_selected));
      font-size: 0.875em;
    }
    [part='chip'] .chip-text {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [part='chip'].missing {
      background: var(--_danger-bg);
      color: var(--_danger);
    }
    [part='chip'].inactive {
      background: var(--_warning-bg);
      color: var(--_warning);
    }
    [part='chip-remove'] {
      border: 0;
      background: transparent;
      border-radius: 50%;
      inline-size: 20px;
      block-size: 20px;
      padding: 0;
      color: inherit;
    }
  `;
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

/** Chips, then flags. */
export function renderChipsAndFlags(c: SelectionViewContext): TemplateResult {
  return html`${renderChips(c)} ${renderFlags(c)}`;
}
