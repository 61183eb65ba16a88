// The tables of `npm run bench` (scripts/bench-table.mjs): targets judged ✓/✗, medians over cold runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error a plain .mjs script without types
import * as table from '../../scripts/bench-table.mjs';

interface Row {
  area: string;
  name: string;
  value: number | string;
  unit?: string;
  target?: string;
  before?: string;
  notSlowerThan?: string;
  note?: string;
}
type Verdict = { ok: boolean | null; target: string };
const { parseTarget, convert, judge, mergeRuns, targetTable } = table as {
  parseTarget(t: unknown): { op: string; value: number; unit: string | null } | null;
  convert(v: number, from: string, to: string): number | null;
  judge(r: Row, rows: Row[]): Verdict;
  mergeRuns(runs: Row[][]): Row[];
  targetTable(rows: Row[]): { lines: string[]; held: number; missed: number; unjudged: number };
};

test('targets: comparisons with a number and a unit; anything else is not judged', () => {
  assert.deepEqual(parseTarget('≤ 33 ms (two frames)'), { op: '≤', value: 33, unit: 'ms' });
  assert.deepEqual(parseTarget('keep < 2 MB'), { op: '<', value: 2, unit: 'MB' });
  assert.deepEqual(parseTarget('<= 1,000 ms'), { op: '≤', value: 1000, unit: 'ms' });
  assert.deepEqual(parseTarget('≤ 10'), { op: '≤', value: 10, unit: null });
  assert.equal(parseTarget('the next frame'), null);
  assert.equal(parseTarget(undefined), null);
  assert.equal(convert(1.5, 's', 'ms'), 1500);
  assert.equal(convert(512, 'KB', 'MB'), 0.5);
  assert.equal(convert(3, 'ms', 'MB'), null);
});

test('judge: ≤ holds at the bound, < does not; units convert; a string value is not judged', () => {
  const row = (value: number | string, target: string, unit = 'ms'): Row => ({
    area: 'a',
    name: 'n',
    value,
    unit,
    target,
  });
  assert.equal(judge(row(33, '≤ 33 ms'), []).ok, true);
  assert.equal(judge(row(33.01, '≤ 33 ms'), []).ok, false);
  assert.equal(judge(row(2, '< 2 MB', 'MB'), []).ok, false);
  assert.equal(judge(row(1900, '< 2 MB', 'KB'), []).ok, true);
  assert.equal(judge(row(1.2, '≤ 1000 ms', 's'), []).ok, false);
  assert.equal(judge(row('n/a', '≤ 33 ms'), []).ok, null);
  assert.equal(judge(row(5, 'the next frame'), []).ok, null);
});

test('judge: notSlowerThan compares with another row of the same run, as well as the target', () => {
  const tree = { area: 'compare', name: 'lazy sl-tree: first rows painted', value: 37, unit: 'ms' };
  const picker = (value: number): Row => ({
    area: 'org-scope-picker',
    name: 'cold: first rows painted',
    value,
    unit: 'ms',
    target: '≤ 33 ms',
    notSlowerThan: 'compare: lazy sl-tree: first rows painted',
  });
  assert.deepEqual(judge(picker(30), [tree]), {
    ok: true,
    target: '≤ 33 ms; ≤ lazy sl-tree: first rows painted (37 ms)',
  });
  assert.equal(judge(picker(30), [{ ...tree, value: 29 }]).ok, false); // slower than sl-tree
  assert.equal(judge(picker(35), [{ ...tree, value: 40 }]).ok, false); // over the target
  const missing = judge(picker(30), []);
  assert.equal(missing.ok, null);
  assert.match(missing.target, /not measured/);
});

test('mergeRuns: the median of each numeric row over the runs, with the range noted; order kept', () => {
  const r = (name: string, value: number | string): Row => ({ area: 'x', name, value, unit: 'ms' });
  const merged = mergeRuns([[r('a', 30), r('b', 'text')], [r('a', 50)], [r('a', 10), r('c', 7)]]);
  assert.deepEqual(
    merged.map((m) => [m.name, m.value]),
    [
      ['a', 30],
      ['b', 'text'],
      ['c', 7],
    ],
  );
  assert.equal(merged[0]!.note, 'median of 3 runs (10–50)');
  // an even count takes the lower middle
  assert.equal(mergeRuns([[r('a', 4)], [r('a', 8)]])[0]!.value, 4);
});

test('targetTable: only rows with a target; before, measured, target and the verdict', () => {
  const t = targetTable([
    { area: 'core', name: 'no target', value: 1, unit: 'ms' },
    { area: 'p', name: 'expand', value: 12.345, unit: 'ms', target: 'keep ≤ 17 ms', before: '17 ms' },
    { area: 'p', name: 'search', value: 130, unit: 'ms', target: '≤ 120 ms', before: '268 ms' },
    { area: 'p', name: 'scroll', value: 9, unit: 'ms', target: 'the next frame' },
  ]);
  assert.deepEqual(t.lines.slice(2), [
    '| p: expand | 17 ms | 12.35 ms | keep ≤ 17 ms | ✓ |',
    '| p: search | 268 ms | 130 ms | ≤ 120 ms | ✗ |',
    '| p: scroll |  | 9 ms | the next frame | — |',
  ]);
  assert.deepEqual([t.held, t.missed, t.unjudged], [1, 1, 1]);
});
