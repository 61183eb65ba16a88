/**
 * Shoelace's lazy `sl-tree` bare (no theme stylesheet, single selection: no checkboxes), first on a cold page:
 * mount → first rows painted. Reported beside the tree set up as a picker (bench/compare.sl-tree.bench.ts), not
 * judged: a list of names without the checkboxes, theme and fonts a picker shows.
 */
import '@shoelace-style/shoelace/dist/components/tree/tree.js';
import '@shoelace-style/shoelace/dist/components/tree-item/tree-item.js';
import { slTreeFirstRows } from './compare.shape.js';

describe('compare: lazy sl-tree, bare', () => {
  it('mount → first rows painted, first on a cold page', () => slTreeFirstRows(false));
});
