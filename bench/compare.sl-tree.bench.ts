/**
 * Shoelace's lazy `sl-tree` set up as a scope picker (its theme, a checkbox on every row), first on a cold page:
 * mount → first rows painted. The row the org picker's first rows are judged against (issue #16); its twin is
 * bench/compare.org-scope-picker.bench.ts, the bare tree bench/compare.sl-tree-bare.bench.ts.
 */
import '@shoelace-style/shoelace/dist/components/tree/tree.js';
import '@shoelace-style/shoelace/dist/components/tree-item/tree-item.js';
import { slTreeFirstRows } from './compare.shape.js';

describe('compare: lazy sl-tree as a scope picker', () => {
  it('mount → first rows painted, first on a cold page', () => slTreeFirstRows(true));
});
