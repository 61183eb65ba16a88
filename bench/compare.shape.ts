/**
 * What the comparison files (bench/compare.*.bench.ts) share: the org shape both trees show, the row names and the
 * lazy `sl-tree` run, so the org picker and Shoelace's lazy `sl-tree` are measured the same way, each first on a
 * page of its own (`npm run bench` runs these files 5 times and reports medians).
 */
import type { OrgNode } from '../src/api/schemas.js';
import { createMemoryHost } from '../src/api/memory-host/index.js';
import { pageSettled, paintedAfter, record } from './record.js';

/** The org of the outside comparison in issue #16: 10,000 persons, zero latency. */
export const COMPARE_ORG = { persons: 10_000, departments: 500, subcompanies: 8 } as const;

export const compareHost = () => createMemoryHost({ orgSize: { ...COMPARE_ORG }, validate: false });

export const COMPARE_AREA = 'compare';
export const SL_TREE_ROW =
  'lazy sl-tree (Shoelace) as a scope picker, first on a cold page: mount → first rows painted';
export const SL_TREE_BARE_ROW =
  'lazy sl-tree (Shoelace), bare (no theme, single selection), first on a cold page: mount → first rows painted';
export const PICKER_ROW = 'org picker, first on a cold page: mount → first rows painted';

type LitLike = HTMLElement & { hasUpdated?: boolean };

/**
 * Shoelace's `sl-tree` made lazy (each unit's children load when it is expanded) over the compared org: from the
 * mount (the tree appended, its first page asked of the host) to the first rows painted. `asPicker`: set up as
 * Shoelace documents it and as a scope picker needs it: its theme stylesheet on the page (tokens, fonts) and
 * `selection="multiple"` (a checkbox on every row, as the org picker has); otherwise bare.
 */
export async function slTreeFirstRows(asPicker: boolean): Promise<void> {
  if (asPicker) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(
      '../node_modules/@shoelace-style/shoelace/dist/themes/light.css',
      import.meta.url,
    ).href;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error(`the Shoelace theme did not load: ${link.href}`));
    });
    document.head.append(link);
    await loaded;
  }
  const host = compareHost();
  const item = (n: OrgNode) => {
    const it = document.createElement('sl-tree-item') as LitLike & { lazy: boolean };
    it.textContent = n.name;
    if (n.hasChildren) {
      it.lazy = true;
      it.addEventListener(
        'sl-lazy-load',
        async () => {
          const page = await host.org.children(n, { limit: 100 });
          it.append(...page.items.map(item));
          it.lazy = false;
        },
        { once: true },
      );
    }
    return it;
  };
  await pageSettled();
  const t0 = performance.now();
  const tree = document.createElement('sl-tree');
  if (asPicker) tree.setAttribute('selection', 'multiple');
  tree.style.cssText = 'display:block;height:480px;overflow:auto';
  document.body.append(tree);
  const page = await host.org.children(null, { limit: 100 });
  const items = page.items.map(item);
  tree.append(...items);
  const ms = await paintedAfter(
    t0,
    () => (tree as LitLike).hasUpdated && items.length > 0 && items.every((i) => i.hasUpdated),
  );
  await record({
    area: COMPARE_AREA,
    name: asPicker ? SL_TREE_ROW : SL_TREE_BARE_ROW,
    value: ms,
    unit: 'ms',
    note: `${COMPARE_ORG.persons} persons, memory host without latency; ${items.length} root rows${
      asPicker ? '; Shoelace light theme, selection="multiple"' : ''
    }`,
  });
  tree.remove();
}
