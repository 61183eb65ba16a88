/**
 * The first open of the browse dialog does the least before the cells are painted (issue #16): the seal grid
 * is rendered once, with its real column count; the seal images and the company filter come after the frame
 * that paints the cells; `updateComplete` covers that pass.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/browse-field/define.js';
import { createMemoryHost } from '../../../src/api/memory-host/index.js';
import type { QysBrowseField } from '../../../src/components/browse-field/browse-field.js';
import type { QysHost } from '../../../src/api/host.js';

const cells = (el: QysBrowseField) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"]:not([aria-busy])'),
];

async function mount(host: QysHost) {
  return fixture<QysBrowseField>(
    html`<qys-browse-field kind="electronic-seal" multiple .host=${host}></qys-browse-field>`,
  );
}

describe('<qys-browse-field> first open', function () {
  this.timeout(20_000);

  it('renders the seal grid once, with its real column count (never one column first)', async () => {
    const el = await mount(createMemoryHost({ seed: 5 }));
    const seen: string[] = [];
    const mo = new MutationObserver(() => {
      const grid = el.shadowRoot!.querySelector('[role="grid"]');
      if (grid) seen.push(grid.getAttribute('aria-colcount') ?? '');
    });
    mo.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
    el.shadowRoot!.querySelector<HTMLElement>('[part~="browse"]')!.click();
    await waitUntil(() => cells(el).length > 0, 'no cells', { timeout: 8000 });
    await el.updateComplete;
    mo.disconnect();
    expect(seen.length).to.be.greaterThan(0);
    const cols = Number(seen.at(-1));
    expect(cols).to.be.greaterThan(1);
    expect(new Set(seen), 'every render of the grid had the final column count').to.deep.equal(
      new Set([String(cols)]),
    );
    // The cells fill the rows: the first row holds `cols` cells.
    expect(
      el.shadowRoot!.querySelector('[role="row"]')!.querySelectorAll('[role="gridcell"]'),
    ).to.have.length(cols);
  });

  it('paints the cells first; their seal images get a src after that frame and load', async () => {
    const el = await mount(createMemoryHost({ seed: 5 }));
    el.shadowRoot!.querySelector<HTMLElement>('[part~="browse"]')!.click();
    // The first animation frame that has cells: their images have no src yet.
    const srcAtFirstFrame = await new Promise<(string | null)[]>((resolve) => {
      const tick = () =>
        cells(el).length
          ? resolve(cells(el).map((c) => c.querySelector('img')?.getAttribute('src') ?? null))
          : requestAnimationFrame(tick);
      requestAnimationFrame(tick);
    });
    expect(srcAtFirstFrame.length).to.be.greaterThan(0);
    expect(srcAtFirstFrame.every((s) => s === null)).to.equal(true);
    await el.updateComplete; // includes the pass after the paint
    const img = cells(el)[0]!.querySelector('img')!;
    expect(img.getAttribute('src')).to.match(/^(blob|data):/);
    await img.decode();
    expect(img.naturalWidth).to.be.greaterThan(0);
  });

  it('asks for the company filter only after the first page has answered', async () => {
    const memory = createMemoryHost({ seed: 5 });
    const log: string[] = [];
    const host: QysHost = {
      ...memory,
      resources: {
        ...memory.resources,
        list: async (kind, o) => {
          log.push('list');
          try {
            return await memory.resources.list(kind, o);
          } finally {
            log.push('list answered');
          }
        },
        companies: (o) => {
          log.push('companies');
          return memory.resources.companies(o);
        },
      },
    };
    const el = await mount(host);
    el.shadowRoot!.querySelector<HTMLElement>('[part~="browse"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="company"]'), 'no company filter', {
      timeout: 8000,
    });
    expect(log.slice(0, 3)).to.deep.equal(['list', 'list answered', 'companies']);
  });
});
