// The tables of `npm run bench` (scripts/bench.mjs), as pure functions (test/node/bench-table.test.ts).
// Rows are what bench files record (bench/record.ts `BenchResult`): area, name, value, unit, target, before,
// notSlowerThan, note. A row with a target such as `≤ 33 ms`, `< 2 MB` or `keep ≤ 17 ms` is judged ✓/✗; the bench
// reports the verdict and never fails on it.

const UNIT_SCALE = { ms: 1, s: 1000, B: 1, KB: 1024, kB: 1024, MB: 1024 * 1024 };
const UNIT_KIND = { ms: 'time', s: 'time', B: 'bytes', KB: 'bytes', kB: 'bytes', MB: 'bytes' };

/** `≤ 33 ms`, `<2 MB`, `keep ≤ 17 ms`, `<= 10 ms (two frames)` → { op, value, unit }; anything else → null. */
export function parseTarget(target) {
  if (typeof target !== 'string') return null;
  const m = /^\s*(?:keep\s+)?(≤|<=|<|≥|>=|>)\s*([\d][\d,]*(?:\.\d+)?)\s*(ms|s|B|KB|kB|MB)?\b/.exec(target);
  if (!m) return null;
  const op = m[1] === '<=' ? '≤' : m[1] === '>=' ? '≥' : m[1];
  return { op, value: Number(m[2].replace(/,/g, '')), unit: m[3] ?? null };
}

/** `value` in `from` expressed in `to` (ms ↔ s, B ↔ KB ↔ MB); null when the units do not convert. */
export function convert(value, from, to) {
  if (!from || !to || from === to) return value;
  if (!UNIT_KIND[from] || UNIT_KIND[from] !== UNIT_KIND[to]) return null;
  return (value * UNIT_SCALE[from]) / UNIT_SCALE[to];
}

const keyOf = (r) => `${r.area}: ${r.name}`;

/**
 * The verdict of one row: `ok` true/false when its target (and `notSlowerThan`, when given) can be judged, null
 * when not (no numeric value, no comparable target, the other row missing); `target` the text to print.
 */
export function judge(row, rows) {
  const t = parseTarget(row.target);
  let ok = null;
  let text = row.target ?? '';
  if (t && typeof row.value === 'number' && Number.isFinite(row.value)) {
    const v = convert(row.value, row.unit, t.unit ?? row.unit);
    if (v !== null) {
      ok =
        t.op === '≤' ? v <= t.value : t.op === '<' ? v < t.value : t.op === '≥' ? v >= t.value : v > t.value;
    }
  }
  if (row.notSlowerThan) {
    const other = rows.find((r) => keyOf(r) === row.notSlowerThan);
    const ov = other && typeof other.value === 'number' ? convert(other.value, other.unit, row.unit) : null;
    const label = row.notSlowerThan.replace(/^[^:]*:\s*/, '');
    if (ov === null || typeof row.value !== 'number') {
      text += `${text ? '; ' : ''}≤ ${label} (not measured)`;
      ok = null;
    } else {
      text += `${text ? '; ' : ''}≤ ${label} (${fmt(ov)} ${row.unit ?? ''})`.trimEnd();
      const faster = row.value <= ov;
      if (!t) ok = faster;
      else if (ok !== null) ok = ok && faster;
    }
  }
  return { ok, target: text };
}

/** A number for the tables: two decimals at most. */
export function fmt(v) {
  return typeof v === 'number' ? String(+v.toFixed(2)) : String(v ?? '');
}

/**
 * Merges the rows of several runs: rows with the same area and name become one whose numeric value is the median
 * (the lower middle of an even count), noted `median of N runs` (or `N runs` plus the range); other rows are kept
 * from their first run. Order: first appearance.
 */
export function mergeRuns(runs) {
  const byKey = new Map();
  for (const run of runs)
    for (const r of run) {
      const k = keyOf(r);
      const e = byKey.get(k);
      if (e) e.values.push(r.value);
      else byKey.set(k, { row: r, values: [r.value] });
    }
  const out = [];
  for (const { row, values } of byKey.values()) {
    const nums = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
    if (values.length < 2 || nums.length !== values.length) {
      out.push(row);
      continue;
    }
    const med = nums[Math.floor((nums.length - 1) / 2)];
    const runsNote = `median of ${nums.length} runs (${fmt(nums[0])}–${fmt(nums[nums.length - 1])})`;
    out.push({ ...row, value: med, note: row.note ? `${row.note}; ${runsNote}` : runsNote });
  }
  return out;
}

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|');

/** Every row, as recorded: the detail table (markdown lines). */
export function detailTable(rows) {
  const lines = ['| area | measurement | value | unit | target | note |', '|---|---|---:|---|---|---|'];
  for (const x of rows)
    lines.push(
      `| ${cell(x.area)} | ${cell(x.name)} | ${cell(fmt(x.value))} | ${cell(x.unit)} | ${cell(x.target)} | ${cell(x.note)} |`,
    );
  return lines;
}

/**
 * The rows with a target (the issue's interactions): interaction | before | measured | target | ok? (markdown
 * lines), and how many were judged, held and missed.
 */
export function targetTable(rows) {
  const lines = ['| interaction | before | measured | target | ok? |', '|---|---:|---:|---|:-:|'];
  let held = 0;
  let missed = 0;
  let unjudged = 0;
  for (const x of rows) {
    if (!x.target && !x.notSlowerThan) continue;
    const v = judge(x, rows);
    if (v.ok === true) held++;
    else if (v.ok === false) missed++;
    else unjudged++;
    const measured = typeof x.value === 'number' ? `${fmt(x.value)} ${x.unit ?? ''}`.trimEnd() : fmt(x.value);
    lines.push(
      `| ${cell(`${x.area}: ${x.name}`)} | ${cell(x.before ?? '')} | ${cell(measured)} | ${cell(v.target)} | ${v.ok === true ? '✓' : v.ok === false ? '✗' : '—'} |`,
    );
  }
  return { lines, held, missed, unjudged };
}
