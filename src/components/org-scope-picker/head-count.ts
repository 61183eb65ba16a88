/**
 * The live head count of the picker's selection (共 N 人, per-unit numbers on chips): asked of the host
 * (`org.count`) a short while after the selection last changed, the previous request aborted. A
 * ReactiveController; the element reads `count` and `state` when it renders.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QysHost } from '../../api/host.js';
import type { OrgCount, OrgScope } from '../../api/schemas.js';

const COUNT_DEBOUNCE_MS = 150;
const superseded = () => new DOMException('superseded', 'AbortError');

export class HeadCount implements ReactiveController {
  count: OrgCount | undefined;
  state: 'idle' | 'loading' | 'error' = 'idle';
  private readonly host: ReactiveControllerHost;
  private readonly source: () => { host: QysHost | undefined; scope: OrgScope; connected: boolean };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ctrl: AbortController | undefined;

  /** `source` is read when the count goes out: the host, the selection, whether the element is connected. */
  constructor(
    host: ReactiveControllerHost,
    source: () => { host: QysHost | undefined; scope: OrgScope; connected: boolean },
  ) {
    this.host = host;
    this.source = source;
    host.addController(this);
  }

  /** Counts again after COUNT_DEBOUNCE_MS (a newer call restarts the wait). */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), COUNT_DEBOUNCE_MS);
  }

  hostDisconnected(): void {
    this.ctrl?.abort(superseded());
    clearTimeout(this.timer);
  }

  private set(count: OrgCount | undefined, state: HeadCount['state']): void {
    this.count = count;
    this.state = state;
    this.host.requestUpdate();
  }

  private async load(): Promise<void> {
    const { host, scope, connected } = this.source();
    if (!host || !connected) return;
    this.ctrl?.abort(superseded());
    if (!scope.include.length) return this.set({ total: 0, byRef: {} }, 'idle');
    const ctrl = (this.ctrl = new AbortController());
    this.set(this.count, 'loading');
    try {
      this.set(await host.org.count(scope, { signal: ctrl.signal }), 'idle');
    } catch {
      if (!ctrl.signal.aborted) this.set(this.count, 'error');
    }
  }
}
