import { html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { LitElement } from 'lit';
import { hostContext } from '../../api/context.js';
import type { QysHost } from '../../api/host.js';

/**
 * Provides a `QysHost` to every qys element inside it (through `@lit/context`), so a page wires the
 * OA once: `<qys-host-provider .host=${createHttpHost({ baseUrl: '/api/qys' })}>…</qys-host-provider>`.
 * Changing `host` updates every element inside.
 *
 * @summary Provides the host adapter (`QysHost`) to every qys element inside it.
 * @tag qys-host-provider
 * @slot - The elements that use the host.
 */
export class QysHostProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new ContextProvider(this, { context: hostContext, initialValue: undefined });

  /** The host adapter to provide. */
  @property({ attribute: false })
  get host(): QysHost | undefined {
    return this.provider.value;
  }
  set host(value: QysHost | undefined) {
    const old = this.provider.value;
    this.provider.setValue(value);
    this.requestUpdate('host', old);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
