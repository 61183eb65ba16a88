/**
 * Shared by the cold browse-field benchmarks: the first open of the browse dialog on a page (nothing of the
 * element has run before: JIT, Lit template preparation, style adoption, the first showModal), from the click on
 * the browse button until the seal grid's loaded cells are painted (bench/record.ts paintedAfter). Each cold
 * bench file imports only the browse-field define entry and measures one first open, so the number is a page's.
 */
import { createMemoryHost } from '../src/api/memory-host/index.js';
import type { QysBrowseField } from '../src/components/browse-field/browse-field.js';
import { paintedAfter, record } from './record.js';

export const AREA = 'browse-field';
export const TARGET = '≤ 50 ms';

const cells = (el: QysBrowseField) =>
  el.shadowRoot!.querySelectorAll('[role="gridcell"]:not([aria-busy]),[role="option"]:not([aria-busy])')
    .length;

/** `count` items per kind (the OA copy holds count − 1: two not synced yet, one stale). */
export async function coldOpen(count: number, label: string): Promise<void> {
  const host = createMemoryHost({ seed: 3, resources: count + 1 });
  // The host's own first-call costs (building its store) are not the element's: warm them up.
  await host.resources.list('electronic-seal', { limit: 1 });
  await host.resources.companies();
  const el = document.createElement('qys-browse-field');
  el.kind = 'electronic-seal';
  el.multiple = true;
  el.host = host;
  document.body.append(el);
  await el.updateComplete;
  const button = el.shadowRoot!.querySelector<HTMLElement>('[part~="browse"]')!;
  const t0 = performance.now();
  button.click();
  const painted = await paintedAfter(t0, () => cells(el) > 0);
  await record({
    area: AREA,
    name: `seal grid: first open on a cold page → cells painted (${label})`,
    value: painted,
    unit: 'ms',
    target: TARGET,
    note: 'click → loaded cells painted (paintedAfter); first browse field on the page; memory host, no latency',
  });
  el.remove();
}
