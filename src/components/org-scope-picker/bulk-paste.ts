/**
 * The picker's 批量添加 panel as its own part: a textarea of names / 工号 / accounts, matched by the host
 * (`org.match`), unique matches added at once, ambiguous ones offered as a choice, unknown ones listed.
 * A ReactiveController owning the panel's state and its request (a new submit or disconnecting aborts
 * the one in flight); the element renders `render()` in the 批量添加 tab and decides what may be added.
 */
import type { CSSResult, ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { QysHost } from '../../api/host.js';
import type { Params } from '../../internal/localize.js';
import type { OrgMatch, OrgNode, OrgNodeType } from '../../api/schemas.js';
import { partitionMatches, splitPasted } from '../../core/org-selection/paste.js';
import type { PartLit } from './selection-view.js';

// lit comes from the picker (init), not by import: this chunk then shares no module with the page's
// entry, and bundlers that split (esbuild) keep the entry in one file (smaller after gzip).
let html: PartLit['html'];
let nothing: PartLit['nothing'];

/** Takes lit from the picker; returns the panel's styles (adopted when this part loads). */
export function init(lit: PartLit): CSSResult {
  ({ html, nothing } = lit);
  const { css } = lit;
  return css`
    [part='bulk'] {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    [part='bulk'] textarea {
      font: inherit;
      min-block-size: 6em;
      padding: 6px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
  `;
}

/** What the panel needs from its picker. */
export interface BulkPasteContext {
  host(): QysHost | undefined;
  /** Node types to match (persons mode: persons only). */
  types(): OrgNodeType[] | undefined;
  disabled(): boolean;
  /** Id prefix unique to the element. */
  readonly uid: string;
  t(key: string, params?: Params): string;
  errorText(err: unknown): string;
  pathText(node: OrgNode): string;
  /** Every node that came back (labels for chips, places for the selection). */
  learn(nodes: OrgNode[]): void;
  /** Adds the unique matches that may be added; returns how many went in (0 when the change was refused). */
  addAll(nodes: OrgNode[]): number;
  /** Adds one chosen match; returns whether it went in. */
  choose(node: OrgNode): boolean;
}

export interface BulkState {
  text: string;
  busy: boolean;
  added: number | undefined;
  ambiguous: OrgMatch[];
  unmatched: string[];
  error: string;
}

const superseded = () => new DOMException('superseded', 'AbortError');

export class BulkPaste implements ReactiveController {
  state: BulkState = { text: '', busy: false, added: undefined, ambiguous: [], unmatched: [], error: '' };
  private readonly host: ReactiveControllerHost;
  private readonly ctx: BulkPasteContext;
  private ctrl: AbortController | undefined;

  constructor(host: ReactiveControllerHost, ctx: BulkPasteContext) {
    this.host = host;
    this.ctx = ctx;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.ctrl?.abort(superseded());
  }

  private set(patch: Partial<BulkState>): void {
    this.state = { ...this.state, ...patch };
    this.host.requestUpdate();
  }

  readonly submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const ctx = this.ctx;
    const inputs = splitPasted(this.state.text);
    if (!inputs.length) return this.set({ error: ctx.t('bulk.empty') });
    const host = ctx.host();
    if (!host) return;
    const sent = this.state.text;
    this.set({ busy: true, error: '', added: undefined, ambiguous: [], unmatched: [] });
    this.ctrl?.abort(superseded());
    const { signal } = (this.ctrl = new AbortController());
    try {
      const matches = await host.org.match(inputs, { types: ctx.types(), signal });
      signal.throwIfAborted(); // a host that ignores the signal
      const { unique, ambiguous, unmatched } = partitionMatches(matches);
      ctx.learn(matches.flatMap((m) => m.matches));
      const added = ctx.addAll(unique);
      this.set({
        // Emptied when all went in, unless more was typed meanwhile.
        text: ambiguous.length || unmatched.length || this.state.text !== sent ? this.state.text : '',
        busy: false,
        added,
        ambiguous,
        unmatched,
        error: '',
      });
    } catch (err) {
      if (signal.aborted) return this.set({ busy: false });
      // The pasted text stays in the box.
      this.set({ busy: false, error: ctx.errorText(err) });
    }
  };

  private chooseAmbiguous(m: OrgMatch, node: OrgNode): void {
    if (this.ctx.choose(node)) this.set({ ambiguous: this.state.ambiguous.filter((x) => x !== m) });
  }

  render(): TemplateResult {
    const b = this.state;
    const { t, uid } = this.ctx;
    const disabled = this.ctx.disabled();
    return html`<form part="bulk" @submit=${this.submit}>
      <label for="${uid}-bulk">${t('bulk.label')}</label>
      <textarea
        id="${uid}-bulk"
        .value=${b.text}
        ?disabled=${disabled}
        @input=${(e: Event) => this.set({ text: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      <div class="toolbar">
        <button part="bulk-submit" type="submit" ?disabled=${b.busy || disabled}>${t('bulk.submit')}</button>
        <span role="status">
          ${b.busy ? t('loading') : b.added !== undefined ? t('bulk.added', { n: b.added }) : ''}
        </span>
      </div>
      ${b.error ? html`<p part="message" role="alert">${b.error}</p>` : nothing}
      ${b.ambiguous.map(
        (m) =>
          html`<fieldset data-input=${m.input}>
            <legend>${t('bulk.ambiguous', { input: m.input })}</legend>
            ${m.matches.map(
              (node) =>
                html`<label
                    ><input
                      type="radio"
                      name="${uid}-amb-${m.input}"
                      @change=${() => this.chooseAmbiguous(m, node)}
                    />
                    ${node.name}${node.employeeNo ? ` · ${node.employeeNo}` : ''} ·
                    ${this.ctx.pathText(node)}</label
                  ><br />`,
            )}
          </fieldset>`,
      )}
      ${
        b.unmatched.length
          ? html`<p part="flag" data-flag="unmatched">
              ${t('bulk.unmatched', { list: b.unmatched.join('、') })}
            </p>`
          : nothing
      }
    </form>`;
  }
}
