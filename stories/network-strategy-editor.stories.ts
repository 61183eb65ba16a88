import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/network-strategy-editor/define.js';
import { createMemoryHost, type MemoryHostOptions } from '../src/api/memory-host/index.js';
import type { AutoLogin } from '../src/api/schemas.js';

/**
 * 内外网自动登录 (seed 000 item 9): off, by network segment (client IP) or by domain. Rules are edited
 * inline; paste many at once into the add box. "试一试" shows which signing address an IP or domain
 * gets and which rule decided. The memory host supplies the client IP (10.1.2.3) and three presets.
 */
const meta: Meta = {
  title: 'Elements/qys-network-strategy-editor',
  component: 'qys-network-strategy-editor',
  tags: ['autodocs'],
};
export default meta;

const URLS = { external: 'https://qys.example.com', internal: 'http://10.0.0.5:9180' };

interface Args {
  /** `dark` or `light` (absent: follows prefers-color-scheme). */
  theme?: 'dark' | 'light';
  value: AutoLogin;
  host?: MemoryHostOptions;
  lang?: string;
  disabled?: boolean;
  required?: boolean;
  readonly?: boolean;
}

const render = (args: Args) => html`
  <qys-network-strategy-editor
    name="autoLogin"
    lang=${args.lang ?? 'zh-CN'}
    theme=${args.theme ?? nothing}
    ?disabled=${args.disabled ?? false}
    ?required=${args.required ?? false}
    ?readonly=${args.readonly ?? false}
    .host=${createMemoryHost(args.host ?? {})}
    .signingUrls=${URLS}
    .value=${args.value}
    @qys-change=${(e: CustomEvent) => console.info('qys-change', e.detail.value)}
  ></qys-network-strategy-editor>
`;

type Story = StoryObj<Args>;

/** First use: nothing configured, the strategy is off (always the external address). */
export const Empty: Story = {
  render,
  args: { value: { mode: 'off', segmentRules: [], domainRules: [] } },
};

/** A typical private-cloud setup: the office segments, one OA preset, a few domains kept for later. */
export const Typical: Story = {
  render,
  args: {
    value: {
      mode: 'segment',
      segmentRules: ['10.0.0.0/8', '172.16.0.0/12', '192.168.1.10-192.168.1.200', 'fd00::/8'],
      domainRules: ['oa.intra.example.com', '*.intra.example.com'],
      segmentPresetIds: ['office-wifi'],
    },
  },
};

/** By domain: the OA page's host decides. */
export const Domains: Story = {
  render,
  args: {
    value: {
      mode: 'domain',
      segmentRules: ['10.0.0.0/8'],
      domainRules: ['oa.intra.example.com', '*.intra.example.com', 'oa.example.com:8443', 'localhost'],
    },
  },
};

/** Hundreds of rules (a large enterprise's branch networks). */
export const HundredsOfRules: Story = {
  render,
  args: {
    value: {
      mode: 'segment',
      segmentRules: Array.from({ length: 600 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`),
      domainRules: [],
    },
  },
};

/** Every error and warning kind, each next to its rule. */
export const EveryErrorKind: Story = {
  render,
  args: {
    value: {
      mode: 'segment',
      segmentRules: [
        '10.0.0.0/8',
        '',
        '010.1.1.1',
        '10.1.1.256',
        'fe80::1%eth0',
        'hello',
        '192.168.*.*',
        'oa.example.com',
        '10.0.0.0/33',
        '192.168.1.200-192.168.1.10',
        '10.0.0.1-::1',
        '172.16.5.1/16',
        '10.0.0.0/8',
        '10.1.0.0/16',
        '192.168.1.10-192.168.1.100',
        '192.168.1.50-192.168.1.150',
        '0.0.0.0/0',
      ],
      domainRules: [
        'https://oa.example.com',
        'oa.example.com/login',
        'admin@oa.example.com',
        '10.0.0.0/8',
        'oa.*.example.com',
        '*',
        '*.10.0.0.1',
        'oa_..example.com',
        `${'a'.repeat(64)}.example.com`,
        'oa.example.com:70000',
        '*.intra.example.com',
        'oa.intra.example.com',
        '*.intra.example.com',
      ],
    },
  },
};

/** The same, by domain. */
export const EveryDomainErrorKind: Story = {
  render,
  args: { value: { ...(EveryErrorKind.args!.value as AutoLogin), mode: 'domain' } },
};

/** A slow host: presets and the client IP are still loading. */
export const SlowHost: Story = {
  render,
  args: {
    value: { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [] },
    host: { latency: 60_000 },
  },
};

/** The host cannot list its presets: the editor says so and still works; 重试 tries again. */
export const FailingHost: Story = {
  render,
  args: {
    value: { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [] },
    host: { failures: { 'client.segmentPresets': 'network', 'client.context': 'server' } },
  },
};

/** English. */
export const English: Story = {
  render,
  args: {
    ...Typical.args,
    value: { ...(Typical.args!.value as AutoLogin), segmentRules: ['10.0.0.0/8', '10.0.0.0/33'] },
    lang: 'en',
  },
};

/** Required (a strategy must be on) and disabled. */
export const RequiredAndDisabled: Story = {
  render: (args) =>
    html`${render({ ...args, required: true })}
      <hr />
      ${render({ ...args, disabled: true, value: Typical.args!.value as AutoLogin })}`,
  args: { value: { mode: 'off', segmentRules: [], domainRules: [] } },
};

/** Read-only (viewers): no editing controls, the preview still works. */
export const Readonly: Story = {
  render,
  args: { ...Typical.args, readonly: true } as Args,
};

/** The dark theme (`theme="dark"`). */
export const Dark: StoryObj<Args> = { ...Typical, args: { ...Typical.args, theme: 'dark' } };
