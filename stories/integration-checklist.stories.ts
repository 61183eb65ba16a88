import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/integration-checklist/define.js';
import { createMemoryHost } from '../src/api/memory-host/index.js';
import type { Binding, FramingInspection, QysHost } from '../src/index.js';

/**
 * What the administrator enters on the Qiyuesuo side (seed 001), computed from a service configuration.
 * In Storybook the memory host stands in for the OA; `inspectFraming` answers as a platform would.
 */
const meta: Meta = {
  title: 'Elements/qys-integration-checklist',
  component: 'qys-integration-checklist',
  tags: ['autodocs'],
};
export default meta;

type Framing = 'allows' | 'refuses' | 'none';
function hostWith(framing: Framing, options: Parameters<typeof createMemoryHost>[0] = {}): QysHost {
  const host = createMemoryHost(options);
  if (framing === 'none') return host;
  const inspect = async (url: string): Promise<FramingInspection> => ({
    url,
    reachable: true,
    status: 200,
    contentSecurityPolicy:
      framing === 'allows'
        ? `frame-ancestors 'self' ${location.origin} https://oa.example.com`
        : "frame-ancestors 'self'",
    xFrameOptions: null,
  });
  return { ...host, client: { ...host.client, inspectFraming: inspect } };
}

const privateBinding = async (host: QysHost) =>
  (await host.services.list()).find((b) => b.serviceType === 'private')!;
const publicBinding = async (host: QysHost) =>
  (await host.services.list()).find((b) => b.serviceType === 'public')!;

interface Args {
  /** `dark` or `light` (absent: follows prefers-color-scheme). */
  theme?: 'dark' | 'light';
  framing: Framing;
  kind: 'private' | 'public';
  upgrade: 'none' | 'same-address' | 'new-address';
  oaUrl: string;
  e9Url: string;
  tenantId: string;
  lang: string;
}

const render = (args: Args, loaded: { host: QysHost; binding: Binding }) => html`
  <qys-integration-checklist
    .host=${loaded.host}
    .binding=${loaded.binding}
    oa-url=${args.oaUrl}
    tenant-id=${args.tenantId}
    upgrade=${args.upgrade}
    e9-url=${args.e9Url}
    lang=${args.lang}
    theme=${args.theme ?? nothing}
  ></qys-integration-checklist>
`;

const base: StoryObj<Args> = {
  args: {
    framing: 'allows',
    kind: 'private',
    upgrade: 'none',
    oaUrl: 'https://oa.example.com',
    e9Url: '',
    tenantId: 'e10t8e2a',
    lang: 'zh-CN',
  },
  argTypes: {
    framing: { control: 'inline-radio', options: ['allows', 'refuses', 'none'] },
    upgrade: { control: 'inline-radio', options: ['none', 'same-address', 'new-address'] },
    kind: { control: 'inline-radio', options: ['private', 'public'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  loaders: [
    async ({ args }) => {
      const host = hostWith((args as Args).framing);
      const binding =
        (args as Args).kind === 'public' ? await publicBinding(host) : await privateBinding(host);
      return { host, binding };
    },
  ],
  render: (args, { loaded }) => render(args, loaded as { host: QysHost; binding: Binding }),
};

export const Private: StoryObj<Args> = { ...base };
export const Public: StoryObj<Args> = {
  ...base,
  args: { ...base.args, kind: 'public', oaUrl: 'https://e10.example.com' },
};
export const UpgradeSameAddress: StoryObj<Args> = {
  ...base,
  args: { ...base.args, upgrade: 'same-address' },
};
export const UpgradeNewAddress: StoryObj<Args> = {
  ...base,
  args: {
    ...base.args,
    upgrade: 'new-address',
    oaUrl: 'https://e10.example.com',
    e9Url: 'http://e9.example.com:8080',
  },
};
/** Error: the signing platform refuses to be framed by this OA (seed 000 FAQ 1), and protocols differ. */
export const WhitelistMissing: StoryObj<Args> = { ...base, args: { ...base.args, framing: 'refuses' } };
/** Empty: no service configuration chosen yet. */
export const Empty: StoryObj = {
  render: () => html`<qys-integration-checklist .host=${createMemoryHost()}></qys-integration-checklist>`,
};
/** Slow host: checks show "检查中…" while the OA answers. */
export const Slow: StoryObj<Args> = {
  ...base,
  loaders: [
    async () => {
      const host = hostWith('allows', { latency: 2500 });
      return { host, binding: await privateBinding(host) };
    },
  ],
};
/** Failing host: reading the service fails; retry is offered. */
export const HostError: StoryObj = {
  render: () => {
    const host = createMemoryHost({ failures: { 'services.get': 'server' } });
    return html`<qys-integration-checklist .host=${host} service-id="1"></qys-integration-checklist>`;
  },
};
/** Large: a deep sub-path deployment on a custom port with a long tenant code. */
export const Large: StoryObj<Args> = {
  ...base,
  args: {
    ...base.args,
    oaUrl: 'https://oa-cluster-01.intranet.example-group.com.cn:18443/weaver/e10/prod/',
    tenantId: 'e10-tenant-0123456789abcdef0123456789abcdef',
    upgrade: 'same-address',
  },
};
export const English: StoryObj<Args> = { ...base, args: { ...base.args, lang: 'en' } };

/** The dark theme (`theme="dark"`). */
export const Dark: StoryObj<Args> = { ...Private, args: { ...Private.args, theme: 'dark' } };
