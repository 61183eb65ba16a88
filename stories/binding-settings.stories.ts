import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/host-provider/define.js';
import '../src/components/binding-settings/define.js';
import { createMemoryHost, type MemoryHost, type MemoryHostOptions } from '../src/api/memory-host/index.js';
import type { QysBindingSettings } from '../src/components/binding-settings/binding-settings.js';

/**
 * The whole 绑定设置 page (seed 000 §3.2–3.3, seed 001 §二 for the public cloud), on the in-memory
 * host: a private-cloud default service and a public-cloud one, a seeded Chinese org for 签章人员 and
 * 组织架构同步, 同步服务商数据 with progress, 测试连接 step by step. In the memory host an App Secret or
 * App Token of `wrong` fails the connection test, and an address containing `unreachable` fails
 * the reach / signing steps.
 */
const meta: Meta = {
  title: 'Elements/qys-binding-settings',
  component: 'qys-binding-settings',
  tags: ['autodocs'],
};
export default meta;

interface Args {
  /** `dark` or `light` (absent: follows prefers-color-scheme). */
  theme?: 'dark' | 'light';
  host?: MemoryHostOptions;
  lang?: string;
  readonly?: boolean;
  /** Open a seeded service directly: `private` (the default) or `public`. */
  open?: 'private' | 'public';
}

const hosts = new Map<string, MemoryHost>();
const memoryHost = (o: MemoryHostOptions = {}) => {
  const k = JSON.stringify(o);
  let h = hosts.get(k);
  if (!h) hosts.set(k, (h = createMemoryHost(o)));
  return h;
};

const render = (args: Args) => {
  const host = memoryHost(args.host);
  const id = args.open
    ? (host.control.samples.services.find((s) => s.serviceType === args.open)?.id ?? '')
    : '';
  return html`<qys-host-provider .host=${host}>
    <qys-binding-settings
      lang=${args.lang ?? 'zh-CN'}
      theme=${args.theme ?? nothing}
      ?readonly=${args.readonly ?? false}
      service-id=${id}
      @qys-save=${(e: CustomEvent) => console.info('qys-save', e.detail)}
      @qys-delete=${(e: CustomEvent) => console.info('qys-delete', e.detail)}
      @qys-sync-complete=${(e: CustomEvent) => console.info('qys-sync-complete', e.detail)}
      @qys-dirty-change=${(e: CustomEvent) => console.info('qys-dirty-change', e.detail)}
    ></qys-binding-settings>
  </qys-host-provider>`;
};

const el = (canvas: HTMLElement) => canvas.querySelector('qys-binding-settings') as QysBindingSettings;
const until = async (cond: () => unknown, ms = 5000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) return;
    await new Promise((r) => setTimeout(r, 30));
  }
};
const shadow = (canvas: HTMLElement, sel: string) =>
  el(canvas).shadowRoot?.querySelector<HTMLElement>(sel) ?? null;
const type = (canvas: HTMLElement, sel: string, value: string) => {
  const input = shadow(canvas, sel) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new FocusEvent('blur'));
};

/** The list of services: provider, type, default, status, last synced. */
export const List: StoryObj<Args> = { render, args: {} };

/** First run: nothing configured yet. */
export const Empty: StoryObj<Args> = { render, args: { host: { noServices: true } } };

/** Editing the private-cloud default service (开放平台地址, 加密密钥, 内外网自动登录, 签章人员). */
export const EditingPrivate: StoryObj<Args> = { render, args: { open: 'private' } };

/** Editing the public-cloud service (单点登录开关, 泛微E10地址, 租户id). */
export const EditingPublic: StoryObj<Args> = { render, args: { open: 'public' } };

/** A new service saved with nothing filled in: each field says what is wrong, summarised at the top. */
export const ValidationErrors: StoryObj<Args> = {
  render,
  args: { host: { seed: 'validation' } },
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement, '.add'));
    shadow(canvasElement, '.add')!.click();
    await until(() => shadow(canvasElement, '#f-openApiUrl'));
    type(canvasElement, '#f-openApiUrl', 'ftp://qys.example.com');
    type(canvasElement, '#f-signingUrlExternal', 'http://sign.example.com');
    shadow(canvasElement, '.save')!.click();
  },
};

/** Someone else saved first: the 409 dialog compares field by field and lets the user choose. */
export const Conflict: StoryObj<Args> = {
  render,
  args: {
    open: 'private',
    host: { seed: 'conflict', failures: { 'services.save': { kind: 'conflict', times: 1 } } },
  },
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement, '#f-appToken'));
    type(canvasElement, '#f-appToken', 'token-edited-here');
    shadow(canvasElement, '.save')!.click();
  },
};

/** 同步服务商数据 running (slow host, so the progress stays visible). */
export const SyncInProgress: StoryObj<Args> = {
  render,
  args: { open: 'private', host: { seed: 'sync', latency: 4000 } },
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement, '.sync-start'), 15000);
    shadow(canvasElement, '.sync-start')!.click();
  },
};

/** 同步服务商数据 failed: the reason and a retry. */
export const SyncFailed: StoryObj<Args> = {
  render,
  args: { open: 'private', host: { seed: 'sync-failed', failures: { 'services.sync': 'network' } } },
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement, '.sync-start'));
    shadow(canvasElement, '.sync-start')!.click();
  },
};

/** Every call takes 1.5–3 s: loading states everywhere. */
export const SlowHost: StoryObj<Args> = {
  render,
  args: { host: { seed: 'slow', latency: { min: 1500, max: 3000 } } },
};

/** Every call fails with a network error: the list says why and offers a retry. */
export const FailingHost: StoryObj<Args> = {
  render,
  args: { host: { seed: 'failing', failures: { '*': 'network' } } },
};

/** A 100,000-person org behind 签章人员 and 组织架构同步. */
export const LargeOrg: StoryObj<Args> = { render, args: { open: 'private', host: { orgSize: 'large' } } };

/** Viewers: everything visible, nothing changeable. */
export const Readonly: StoryObj<Args> = { render, args: { readonly: true } };

/** English. */
export const English: StoryObj<Args> = { render, args: { lang: 'en', open: 'private' } };

/** Editing a service in the dark theme (`theme="dark"`; without the attribute the element follows `prefers-color-scheme`). */
export const Dark: StoryObj<Args> = { ...EditingPrivate, args: { ...EditingPrivate.args, theme: 'dark' } };
