/**
 * Shoelace's `sl-tree` made lazy (each unit's children load when it is expanded) over the org the picker is
 * compared on: from the mount (the tree appended, its first page asked of the host) to the first rows painted.
 * First element on its page (its own file); the picker's twin is bench/compare.org-scope-picker.bench.ts.
 */
import '@shoelace-style/shoelace/dist/components/tree/tree.js';
import '@shoelace-style/shoelace/dist/components/tree-item/tree-item.js';
import type { OrgNode } from '../src/api/schemas.js';
import { pagePainted, paintedAfter, record } from './record.js';
import { COMPARE_AREA, COMPARE_ORG, SL_TREE_ROW, compareHost } from './compare.shape.js';

type LitLike = HTMLElement & { hasUpdated?: boolean };

describe('compare: lazy sl-tree', () => {
  it('mount → first rows painted, first on a cold page', async () => {
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
    await pagePainted();
    const t0 = performance.now();
    const tree = document.createElement('sl-tree');
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
      name: SL_TREE_ROW,
      value: ms,
      unit: 'ms',
      note: `${COMPARE_ORG.persons} persons, memory host without latency; ${items.length} root rows`,
    });
    tree.remove();
  });
});
