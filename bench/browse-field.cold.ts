/**
 * Shared by the cold browse-field benchmarks: the first open of the browse dialog on a page (nothing of the
 * element has run before: JIT, Lit template preparation, style adoption, the first showModal), from the click on
 * the browse button until the seal grid's loaded cells are painted (bench/record.ts paintedAfter), and until their
 * seal images are painted too (they load after the cells). Each cold bench file imports only the browse-field
 * define entry and measures one first open; `npm run bench` runs it on several fresh pages and reports medians.
 */
import { createMemoryHost } from '../src/api/memory-host/index.js';
import type { QysBrowseField } from '../src/components/browse-field/browse-field.js';
import { paintedAfter, record } from './record.js';

export const AREA = 'browse-field';
export const TARGET = '≤ 50 ms';

export const loadedCells = (el: QysBrowseField) =>
  el.shadowRoot!.querySelectorAll('[role="gridcell"]:not([aria-busy]),[role="option"]:not([aria-busy])')
    .length;

/** Every seal image in the rendered cells has loaded (and so is painted in the frame that follows). */
export const imagesLoaded = (el: QysBrowseField) => {
  const imgs = [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('[role="gridcell"] img')];
  return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
};

/**
 * Lets the page go idle for `ms` (V8 finishes the major GC that building a large memory host starts; the
 * host's data lives in the page here, unlike a real OA backend's).
 */
export async function settle(ms = 1500): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end)
    await new Promise((r) =>
      'requestIdleCallback' in window ? requestIdleCallback(r, { timeout: 200 }) : setTimeout(r, 50),
    );
}

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
  await settle();
  const button = el.shadowRoot!.querySelector<HTMLElement>('[part~="browse"]')!;
  const t0 = performance.now();
  button.click();
  const painted = await paintedAfter(t0, () => loadedCells(el) > 0);
  const images = await paintedAfter(t0, () => imagesLoaded(el));
  await record(
    {
      area: AREA,
      name: `seal grid: first open on a cold page → cells painted (${label})`,
      value: painted,
      unit: 'ms',
      target: TARGET,
      note: 'click → loaded cells painted (paintedAfter); first browse field on the page; memory host, no latency',
    },
    {
      area: AREA,
      name: `seal grid: first open on a cold page → seal images painted (${label})`,
      value: images,
      unit: 'ms',
      note: 'click → every rendered cell’s SVG seal image loaded and painted (they are given their src after the cells paint)',
    },
  );
  el.remove();
}
