import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/browse-field/define.js';
import { createMemoryHost, type MemoryHostOptions } from '../src/api/memory-host/index.js';
import type { QysHost, ResourceKind } from '../src/index.js';

/**
 * The e-signature browse field form designers add (seed 000 FAQ 2): 电子印章 / 物理印章 / 文件模板 /
 * 电子用印流程 / 物理用印流程. In Storybook the memory host stands in for the OA (seeded data, SVG
 * seal images, optional latency and failures). Open the dialog with the 选择 button.
 */
const meta: Meta = {
  title: 'Elements/qys-browse-field',
  component: 'qys-browse-field',
  tags: ['autodocs'],
};
export default meta;

/** An ID that resolves as missing (deleted in Qiyuesuo): shown as 已失效. */
const GONE = '2859999999999999999';

interface Args {
  /** `dark` or `light` (absent: follows prefers-color-scheme). */
  theme?: 'dark' | 'light';
  kind: ResourceKind;
  multiple: boolean;
  readonly: boolean;
  disabled: boolean;
  required: boolean;
  allowSync: boolean;
  lang: string;
}

interface Loaded {
  host: QysHost;
  value: string;
}

/** What the stored value holds: `count` enabled items, one 停用 item, a deleted ID. */
interface Pick {
  count?: number;
  disabled?: boolean;
  gone?: boolean;
}

/**
 * A memory host plus a stored value built from its first enabled items (and optionally one that is
 * 停用 in Qiyuesuo, and a deleted ID).
 */
async function load(kind: ResourceKind, options: MemoryHostOptions = {}, pick: Pick = {}): Promise<Loaded> {
  const host = createMemoryHost({ seed: 1, ...options });
  let ids: string[] = [];
  if (pick.count || pick.disabled) {
    const clean = createMemoryHost({ seed: 1, ...options, latency: 0, failures: {} });
    const items = (await clean.resources.list(kind, { limit: 200 })).items;
    ids = items
      .filter((r) => r.status === 'enabled')
      .slice(0, pick.count ?? 0)
      .map((r) => r.id);
    const off = items.find((r) => r.status === 'disabled');
    if (pick.disabled && off) ids.push(off.id);
  }
  if (pick.gone) ids.push(GONE);
  return { host, value: ids.join(',') };
}

const render = (args: Args, loaded: Loaded) => html`
  <form
    style="max-inline-size: 640px; display: grid; gap: 8px"
    @submit=${(e: Event) => {
      e.preventDefault();
      const out = (e.target as HTMLFormElement).querySelector('output')!;
      out.value = JSON.stringify(Object.fromEntries(new FormData(e.target as HTMLFormElement)));
    }}
  >
    <label for="field">${labelOf(args.kind, args.lang)}</label>
    <qys-browse-field
      name="field"
      id="field"
      kind=${args.kind}
      value=${loaded.value}
      .host=${loaded.host}
      ?multiple=${args.multiple}
      ?readonly=${args.readonly}
      ?disabled=${args.disabled}
      ?required=${args.required}
      ?allow-sync=${args.allowSync}
      lang=${args.lang}
      theme=${args.theme ?? nothing}
    ></qys-browse-field>
    <div style="display: flex; gap: 8px">
      <button type="submit">Submit</button>
      <button type="reset">Reset</button>
    </div>
    <output></output>
  </form>
`;

const LABELS: Record<ResourceKind, [string, string]> = {
  'electronic-seal': ['电子印章', 'Electronic seal'],
  'physical-seal': ['物理印章', 'Physical seal'],
  'file-template': ['文件模板', 'File template'],
  'electronic-seal-flow': ['电子用印流程', 'Electronic seal flow'],
  'physical-seal-flow': ['物理用印流程', 'Physical seal flow'],
};
const labelOf = (kind: ResourceKind, lang: string) => LABELS[kind][lang === 'en' ? 1 : 0];

type Story = StoryObj<Args>;

const story = (args: Partial<Args>, options: MemoryHostOptions = {}, pick: Pick = {}): Story => ({
  args: {
    kind: 'electronic-seal',
    multiple: false,
    readonly: false,
    disabled: false,
    required: false,
    allowSync: false,
    lang: 'zh-CN',
    ...args,
  },
  argTypes: {
    kind: {
      control: 'select',
      options: [
        'electronic-seal',
        'physical-seal',
        'file-template',
        'electronic-seal-flow',
        'physical-seal-flow',
      ],
    },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  loaders: [async ({ args }) => ({ loaded: await load((args as Args).kind, options, pick) })],
  render: (args, { loaded }) => render(args, (loaded as { loaded: Loaded }).loaded),
});

/** 电子印章: an image grid; a company filter; one chosen seal plus one deleted in Qiyuesuo (已失效). */
export const ElectronicSeal = story(
  { kind: 'electronic-seal', multiple: true },
  {},
  { count: 1, gone: true },
);
/** 物理印章: single choice. */
export const PhysicalSeal = story({ kind: 'physical-seal' }, {}, { count: 1 });
/** 文件模板: rows with category, status and company. */
export const FileTemplate = story({ kind: 'file-template', multiple: true }, {}, { count: 2 });
/** 电子用印流程. */
export const ElectronicSealFlow = story({ kind: 'electronic-seal-flow' });
/** 物理用印流程. */
export const PhysicalSealFlow = story({ kind: 'physical-seal-flow', required: true });
/** 10,000 items per kind: windowed list, pages load as you scroll; search goes to the host. */
export const Large = story({ kind: 'file-template', multiple: true }, { resources: 10_001 });
/** 10,000 seals in the image grid. */
export const LargeSeals = story({ kind: 'electronic-seal', multiple: true }, { resources: 10_001 });
/** Every host call takes 0.8–1.5 s: loading states, and typing fast sends only the last keyword. */
export const Slow = story(
  { kind: 'electronic-seal-flow' },
  { latency: { min: 800, max: 1500 } },
  { count: 1 },
);
/** The host fails: the stored value's names cannot be read and the list shows an error with retry. */
export const Failing = story(
  { kind: 'file-template' },
  { failures: { 'resources.list': 'network', 'resources.resolve': 'server' } },
  { count: 1 },
);
/** The list fails once, then the retry succeeds. */
export const FailingOnce = story(
  { kind: 'file-template' },
  { failures: { 'resources.list': { kind: 'timeout', times: 1 } } },
);
/** Nothing synced yet: the dialog explains 同步服务商数据 (no sync action for this user). */
export const Empty = story({ kind: 'electronic-seal' }, { resources: 2 });
/** Nothing synced yet, and this user may sync (`allow-sync`): runs the sync with progress, then reloads. */
export const EmptyWithSync = story(
  { kind: 'file-template', allowSync: true },
  { resources: 2, latency: 300 },
);
/**
 * 停用 in Qiyuesuo: such seals, templates and flows are listed but marked 已停用 (aria-disabled) and
 * cannot be picked, by mouse or keyboard; a stored one that became 停用 is kept and flagged 已停用.
 */
export const DisabledItems = story(
  { kind: 'file-template', multiple: true },
  {},
  { count: 1, disabled: true },
);
/** 停用 seals in the image grid, and a stored seal that became 停用. */
export const DisabledSeals = story({ kind: 'electronic-seal' }, {}, { disabled: true });
/** Read-only: tags only. */
export const Readonly = story(
  { kind: 'electronic-seal', readonly: true, multiple: true },
  {},
  { count: 3, gone: true },
);
/** Disabled: not submitted, cannot be opened. */
export const Disabled = story({ kind: 'file-template', disabled: true }, {}, { count: 1 });
/** English. */
export const English = story(
  { kind: 'physical-seal', lang: 'en', multiple: true },
  {},
  { count: 2, gone: true },
);

/** The dark theme (`theme="dark"`). */
export const Dark: StoryObj<Args> = { ...ElectronicSeal, args: { ...ElectronicSeal.args, theme: 'dark' } };
