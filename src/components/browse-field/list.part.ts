/**
 * The browse dialog's windowed list (templates and flows: a listbox of rows) and seal grid (a grid of
 * rows of cells). Only the rows in the window (VirtualListController) and the active item are in the DOM.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { CELL_HEIGHT, ROW_HEIGHT, isDisabledItem } from './browse-dialog.js';
import type { DialogView } from './dialog.part.js';

export function renderList(v: DialogView): TemplateResult {
  const { d } = v;
  const l = d.list;
  const total = d.pager.total ?? 0;
  const active = l.active;
  const busy = d.pager.stale ? 'true' : nothing;
  const cols = d.seal ? d.cols : 1;
  // The seal grid: rows in the window, then the active item's row (aria-activedescendant must point at something).
  const gridRows: number[] = [];
  if (d.seal && d.measured) {
    const { start, end } = l.range;
    for (let r = Math.floor(start / cols); r * cols < end; r++) gridRows.push(r);
    const activeRow = Math.floor(active / cols);
    if (active >= 0 && !gridRows.includes(activeRow)) gridRows.push(activeRow);
  }
  const body = html`<div
    class="list"
    role=${d.seal ? 'grid' : 'listbox'}
    id="list"
    tabindex="0"
    aria-labelledby="title"
    aria-multiselectable=${v.multiple ? 'true' : 'false'}
    aria-activedescendant=${`o-${active}`}
    aria-busy=${busy}
    aria-rowcount=${d.seal ? Math.ceil(total / cols) : nothing}
    aria-colcount=${d.seal ? cols : nothing}
    style="block-size:${l.range.totalHeight}px"
    @keydown=${d.onListKeydown}
    @click=${d.onListClick}
    @dblclick=${d.onListDblClick}
  >
    ${
      d.seal
        ? gridRows.map((r) => renderGridRow(v, r, cols, total))
        : l.indices.map((i) => renderRow(v, i, total))
    }
  </div>`;
  return html`<div part="list" class="scroller" @scroll=${l.onScroll}>${body}</div>`;
}

function renderRow(v: DialogView, i: number, total: number): TemplateResult {
  const { d, t } = v;
  const item = d.pager.items[i];
  const selected = !!item && d.draft.includes(item.id);
  const off = isDisabledItem(item);
  const facts = item
    ? [item.category, t(`status.${item.status}`), item.company].filter(Boolean).join(' · ')
    : '';
  return html`<div
    part=${off ? 'option option-disabled' : 'option'}
    class="row ${i === d.list.active ? 'active' : ''} ${off ? 'off' : ''}"
    role="option"
    id="o-${i}"
    data-index=${i}
    aria-selected=${selected ? 'true' : 'false'}
    aria-disabled=${off ? 'true' : nothing}
    title=${off ? t('disabledTitle') : nothing}
    aria-setsize=${total}
    aria-posinset=${i + 1}
    aria-busy=${item ? nothing : 'true'}
    style="block-size:${ROW_HEIGHT}px;transform:translateY(${i * ROW_HEIGHT}px)"
  >
    ${
      item
        ? html`<span class="line"
              ><span class="name">${item.name}</span>${
                off ? html`<span class="badge">${t('disabledBadge')}</span>` : nothing
              }</span
            ><span class="facts">${facts}</span>`
        : html`<span class="name">${t('loading')}</span>`
    }
  </div>`;
}

function renderGridRow(v: DialogView, r: number, cols: number, total: number): TemplateResult {
  const { d, t } = v;
  const cells: TemplateResult[] = [];
  for (let c = 0; c < cols; c++) {
    const i = r * cols + c;
    if (i >= total) break;
    const item = d.pager.items[i];
    const selected = !!item && d.draft.includes(item.id);
    const off = isDisabledItem(item);
    cells.push(
      html`<div
        part=${off ? 'option option-disabled' : 'option'}
        class="cell ${i === d.list.active ? 'active' : ''} ${off ? 'off' : ''}"
        role="gridcell"
        id="o-${i}"
        data-index=${i}
        aria-colindex=${c + 1}
        aria-selected=${selected ? 'true' : 'false'}
        aria-disabled=${off ? 'true' : nothing}
        title=${off ? t('disabledTitle') : nothing}
        aria-busy=${item ? nothing : 'true'}
      >
        ${
          item
            ? html`${item.image ? v.image(item) : nothing}
                <span class="name">${item.name}</span>
                ${off ? html`<span class="badge">${t('disabledBadge')}</span>` : nothing}
                <span class="facts">${[item.sealType, item.company].filter(Boolean).join(' · ')}</span>`
            : html`<span class="name">${t('loading')}</span>`
        }
      </div>`,
    );
  }
  return html`<div
    class="grid-row"
    role="row"
    aria-rowindex=${r + 1}
    style="block-size:${CELL_HEIGHT}px;transform:translateY(${r * CELL_HEIGHT}px);grid-template-columns:repeat(${cols},minmax(0,1fr))"
  >
    ${cells}
  </div>`;
}
