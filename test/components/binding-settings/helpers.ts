import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/binding-settings/define.js';
import type { QysBindingSettings } from '../../../src/components/binding-settings/binding-settings.js';
import { createTestHost, type TestHost } from './test-host.js';
import {
  loadEmbeddedElements,
  loadFormView,
  loadSchema,
} from '../../../src/components/binding-settings/lazy.js';
import type { Binding } from '../../../src/api/schemas.js';

export async function mount(
  opts: { bindings?: Binding[]; lang?: string; readonly?: boolean; serviceId?: string; host?: TestHost } = {},
): Promise<{ el: QysBindingSettings; host: TestHost }> {
  const host = opts.host ?? createTestHost(opts.bindings);
  const el = await fixture<QysBindingSettings>(
    html`<qys-binding-settings
      lang=${opts.lang ?? 'zh-CN'}
      ?readonly=${opts.readonly ?? false}
      service-id=${opts.serviceId ?? ''}
      .host=${host}
    ></qys-binding-settings>`,
  );
  await waitUntil(() => el.bindings !== undefined || el.listError, 'list did not load');
  // The on-demand chunks (schema, embedded elements) land while the list loads in real use; a
  // zero-latency test host answers first, so wait for them as a user's first click would.
  await Promise.all([loadSchema(), loadFormView(), loadEmbeddedElements()]);
  await el.updateComplete;
  return { el, host };
}

export const $ = <T extends Element = HTMLElement>(el: QysBindingSettings, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: QysBindingSettings, sel: string): T[] =>
  Array.from(el.shadowRoot!.querySelectorAll<T>(sel));

export function text(el: QysBindingSettings): string {
  return (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
}

export async function settle(el: QysBindingSettings): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

/** Types into an input the way a user does (value + input event + blur). */
export async function typeInto(
  el: QysBindingSettings,
  sel: string,
  value: string,
  blur = true,
): Promise<void> {
  const input = $<HTMLInputElement>(el, sel);
  if (!input) throw new Error(`no ${sel}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (blur) input.dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

export async function click(el: QysBindingSettings, sel: string): Promise<void> {
  const b = $<HTMLElement>(el, sel);
  if (!b) throw new Error(`no ${sel}`);
  b.click();
  await settle(el);
}

export const errorOf = (el: QysBindingSettings, field: string): string =>
  $(el, `#f-${field}-error`)?.textContent?.trim() ?? '';

/** Everything a page could read: markup of every shadow root, input values, attributes. */
export function deepDump(root: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n instanceof Element) {
      for (const a of Array.from(n.attributes)) parts.push(`${a.name}=${a.value}`);
      if (n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) parts.push(`value=${n.value}`);
      if (n.shadowRoot) {
        parts.push(n.shadowRoot.innerHTML);
        n.shadowRoot.childNodes.forEach(walk);
      }
    } else if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    n.childNodes.forEach(walk);
  };
  if (root instanceof Element) parts.push(root.outerHTML);
  walk(root);
  return parts.join('\n');
}

export async function waitFor(cond: () => unknown, message = 'condition not met'): Promise<void> {
  await waitUntil(cond, message, { timeout: 8000 });
}

/** Which element of the shadow root has focus, as a selector-friendly description (chai cannot print elements cheaply). */
export function focused(el: QysBindingSettings): string {
  const a = el.shadowRoot!.activeElement as HTMLElement | null;
  if (!a) return '(none)';
  return `${a.localName}${a.id ? `#${a.id}` : ''}${a.className ? `.${String(a.className).trim().split(/\s+/).join('.')}` : ''}`;
}
