import { executeServerCommand } from '@web/test-runner-commands';

export interface BenchResult {
  area: string;
  name: string;
  value: number | string;
  unit?: string;
  target?: string;
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
