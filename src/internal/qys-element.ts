import { LitElement, type PropertyDeclaration, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { hostContext } from '../api/context.js';
import type { QysHost } from '../api/host.js';
import type { QysEventMap } from '../api/events.js';
import { QysContractError, isQysError } from '../api/errors.js';
import { commonMessages } from './common.messages.js';
import {
  onTranslationsChange,
  resolveLang,
  translate,
  whenLoaded,
  type Catalog,
  type Lang,
  type Params,
} from './localize.js';

// Elements re-render when the document language changes (one observer for all of them).
const langListeners = new Set<QysElement>();
let langObserver: MutationObserver | undefined;
function watchDocumentLang(el: QysElement, on: boolean) {
  if (on) langListeners.add(el);
  else langListeners.delete(el);
  if (on && !langObserver && typeof MutationObserver !== 'undefined') {
    langObserver = new MutationObserver(() => langListeners.forEach((l) => l.requestUpdate()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    // …and when strings arrive: a language loaded on demand, or registerTranslation().
    onTranslationsChange(() => langListeners.forEach((l) => l.requestUpdate()));
  }
}

const warned = new WeakMap<object, Set<string>>();

/**
 * Base of every qys element: language, localisation, the host from context (or set directly),
 * typed `emit()`, and warn-once for bad values set by the page.
 */
export class QysElement extends LitElement {
  /**
   * Text and number properties take only what they can show: for text anything but a symbol or an object (which
   * would break the next render, or the attribute it reflects to), for a number a number; and null / undefined.
   * Any other value warns once and is ignored. Properties without an attribute (objects) are checked by their
   * element.
   */
  static override getPropertyDescriptor(
    name: PropertyKey,
    key: string | symbol,
    options: PropertyDeclaration,
  ): PropertyDescriptor | undefined {
    const d = super.getPropertyDescriptor(name, key, options);
    const type = options.attribute === false ? 0 : (options.type ?? String);
    if (!d?.set || (type !== String && type !== Number)) return d;
    const set = d.set;
    return {
      ...d,
      set(this: QysElement, v: unknown) {
        const t = typeof v;
        if (v == null || (type === String ? t !== 'symbol' && t !== 'object' : t === 'number'))
          set.call(this, v);
        else
          this.warnOnce(
            String(name),
            `${String(name)} must be ${type === String ? 'text' : 'a number'}; ignored.`,
          );
      },
    };
  }

  /** Language: `zh-CN` (default), `zh-TW`, `en`, or one added with `registerTranslation()`. Inherited from the closest `[lang]` ancestor when not set. */
  @property() override lang = '';

  /** The host adapter. Normally provided by an enclosing `<qys-host-provider>`; set it to override. */
  @property({ attribute: false }) host: QysHost | undefined;

  @consume({ context: hostContext, subscribe: true })
  @state()
  protected contextHost: QysHost | undefined;

  /** Catalogues this element reads from, its own first; `commonMessages` is always searched last. */
  protected messages: Catalog[] = [];

  /** The host in force: the `host` property, else the one from context. */
  get effectiveHost(): QysHost | undefined {
    return this.host ?? this.contextHost;
  }

  /** True when `changed` includes a change of the host in force (own property or context). */
  protected hostChanged(changed: PropertyValues): boolean {
    return changed.has('host') || changed.has('contextHost');
  }

  /** The language in force. */
  get effectiveLang(): Lang {
    return this.langInUpdate ?? resolveLang(this);
  }

  /** The language in force during an update, found once (every `t()` of a render would look it up again). */
  private langInUpdate: Lang | undefined;

  protected override performUpdate(): void {
    this.langInUpdate = resolveLang(this);
    try {
      super.performUpdate();
    } finally {
      this.langInUpdate = undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchDocumentLang(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchDocumentLang(this, false);
  }

  /**
   * Renders only once the strings of the language in force are there (en and zh-TW load on demand):
   * Lit's documented way to delay an update, so `updateComplete` resolves after the right text shows.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = whenLoaded(this.effectiveLang, [...this.messages, commonMessages]);
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Localised text for `key`. @internal */
  t(key: string, params?: Params): string {
    return translate(this.effectiveLang, key, params, ...this.messages, commonMessages);
  }

  /** A user-facing sentence for any failure of a host call. @internal */
  errorText(error: unknown): string {
    if (isQysError(error)) {
      if (error instanceof QysContractError)
        return this.t('error.contract', { path: error.path || '(root)' });
      // Reached, and refused (405, 413, 415…): retrying will not help, the deployment needs a look.
      if (error.code === 'server' && error.status && error.status < 500)
        return this.t('error.rejected', { status: error.status });
      return this.t(`error.${error.code}`);
    }
    return this.t('error.unknown', { message: error instanceof Error ? error.message : String(error) });
  }

  /** Fires a `qys-*` event that bubbles and composes. Returns false when a listener cancelled it. @internal */
  emit<K extends keyof QysEventMap>(
    name: K,
    detail: QysEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, {
        detail,
        bubbles: true,
        composed: true,
        cancelable: options.cancelable ?? false,
      }),
    );
  }

  /** Logs a warning once per element and key (a bad value from the page never throws). */
  protected warnOnce(key: string, message: string): void {
    let seen = warned.get(this);
    if (!seen) warned.set(this, (seen = new Set()));
    if (seen.has(key)) return;
    seen.add(key);
    console.warn(`[qys-elements] <${this.localName}>: ${message}`);
  }
}
