import { executeServerCommand } from '@web/test-runner-commands';

export interface BenchResult {
  area: string;
  name: string;
  value: number | string;
  unit?: string;
  /**
   * The target for this row, e.g. `≤ 33 ms`, `< 2 MB`, `keep ≤ 17 ms`: a row with a target joins the
   * targets table of `npm run bench` and is judged ✓/✗ there (reported, never failing the run). A target that is
   * not a comparison with a number (`—`, `see note`) is printed as is, unjudged.
   */
  target?: string;
  /** The figure before the work (the "now" column), e.g. `69 ms`: printed next to the measurement. */
  before?: string;
  /**
   * `<area>: <name>` of another row of the same run this one must not exceed (e.g. the lazy sl-tree's first
   * paint): judged with the target.
   */
  notSlowerThan?: string;
  note?: string;
}

/** Adds rows to the `npm run bench` timings table. */
export function record(...rows: BenchResult[]): Promise<unknown> {
  return executeServerCommand('bench-record', rows);
}

/** Median of `runs` timings of `fn` (ms). */
export async function median(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Waits two animation frames (lets layout and paint happen). */
export const nextFrames = () =>
  new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

/**
 * What a person sees: milliseconds from `t0` (a `performance.now()` taken at the user's action or the mount, or an
 * input event's `timeStamp`: the same clock) until
 * `cond()` holds in a requestAnimationFrame callback and that frame has been painted (a message posted from the
 * callback is delivered after the frame is presented). Checks at every frame; rejects after `timeoutMs`.
 */
export function paintedAfter(t0: number, cond: () => unknown, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (cond()) {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          ch.port1.close();
          resolve(performance.now() - t0);
        };
        ch.port2.postMessage(0);
        return;
      }
      if (performance.now() - t0 > timeoutMs) {
        reject(new Error(`not painted within ${timeoutMs} ms`));
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Waits until the page has painted a frame: a cold measurement starts from a page that is up (the test page's own
 * first frame, 30–60 ms after its load, is not the element's), with every module of the element still cold.
 */
export const pagePainted = (): Promise<number> => paintedAfter(performance.now(), () => true);

/**
 * A cold page that is up and quiet: `quietMs` after the test file loaded (the test runner's own start-up work in
 * the browser and on the dev server, which shares this machine's two cores, is over), then a painted frame. The
 * element's modules are loaded and have never run, as on an OA page that mounts the element after its load.
 */
export async function pageSettled(quietMs = 500): Promise<void> {
  await new Promise((r) => setTimeout(r, quietMs));
  await pagePainted();
}

/**
 * The JS heap in MB after a full collection (the bench browser runs with `--js-flags=--expose-gc` and precise
 * memory info); NaN where the browser does not tell.
 */
export async function heapMb(): Promise<number> {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    await new Promise((r) => setTimeout(r, 0));
    g();
  }
  const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return m ? m.usedJSHeapSize / 1048576 : NaN;
}
