import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/org-scope-picker/define.js';
import { createMemoryHost, type MemoryHost, type MemoryHostOptions } from '../src/api/memory-host/index.js';
import type { QysHost } from '../src/api/host.js';
import type { OrgScope } from '../src/api/schemas.js';
import type { OrgItemRule } from '../src/components/org-scope-picker/org-scope-picker.js';

/**
 * 组织架构同步 (`mode="scope"`: 分部, 部门 and 人员 as rules) and 签章人员 (`mode="persons"`). The memory
 * host supplies a seeded Chinese org: `small` (~200 persons) or `large` (100,000 persons, 5,000
 * departments). Search understands names, full pinyin, initials (`zw`), 工号 and login accounts.
 */
const meta: Meta = {
  title: 'Elements/qys-org-scope-picker',
  component: 'qys-org-scope-picker',
  tags: ['autodocs'],
};
export default meta;

interface Args {
  /** `dark` or `light` (absent: follows prefers-color-scheme). */
  theme?: 'dark' | 'light';
  mode?: 'scope' | 'persons';
  value?: OrgScope;
  host?: MemoryHostOptions;
  /** A host built by the story itself (wins over `host`). */
  makeHost?: () => QysHost;
  lang?: string;
  max?: number;
  maxPersons?: number;
  minPersons?: number;
  overLimitMessage?: string;
  pickedItems?: OrgItemRule[];
  disabledItems?: OrgItemRule[];
  requiredItems?: OrgItemRule[];
  required?: boolean;
  disabled?: boolean;
}

const hosts = new Map<string, MemoryHost>();
/** One memory host per option set (the 100,000-person org takes a moment to generate). */
const memoryHost = (o: MemoryHostOptions = {}) => {
  const k = JSON.stringify(o);
  let h = hosts.get(k);
  if (!h) hosts.set(k, (h = createMemoryHost(o)));
  return h;
};

const render = (args: Args) => html`
  <qys-org-scope-picker
    name="scope"
    mode=${args.mode ?? 'scope'}
    lang=${args.lang ?? 'zh-CN'}
    theme=${args.theme ?? nothing}
    ?required=${args.required ?? false}
    ?disabled=${args.disabled ?? false}
    .max=${args.max}
    .maxPersons=${args.maxPersons}
    .minPersons=${args.minPersons}
    over-limit-message=${args.overLimitMessage ?? ''}
    .pickedItems=${args.pickedItems ?? []}
    .disabledItems=${args.disabledItems ?? []}
    .requiredItems=${args.requiredItems ?? []}
    .host=${args.makeHost ? args.makeHost() : memoryHost(args.host)}
    .value=${args.value ?? { include: [], exclude: [] }}
    @qys-change=${(e: CustomEvent) => console.info('qys-change', e.detail.value)}
  ></qys-org-scope-picker>
`;

type Story = StoryObj<Args>;

/** The small org, nothing selected yet. */
export const SmallOrg: Story = { render, args: {} };

/**
 * A sync scope as rules: 总部 and everything under it (people who join later included) except one
 * person, plus one more department. Chips show the live head count from the host.
 */
export const ScopeWithRules: Story = {
  render,
  args: {
    value: {
      include: [
        { type: 'subcompany', id: '101' },
        { type: 'department', id: '200008' },
      ],
      exclude: [{ type: 'person', id: '10000001' }],
    },
  },
};

/** 100,000 persons / 5,000 departments: expand the largest department (2,000 persons) and scroll. */
export const LargeOrg: Story = {
  render,
  args: {
    host: { orgSize: 'large' },
    value: { include: [{ type: 'subcompany', id: '101' }], exclude: [] },
  },
};

/** 签章人员: persons only, with the person-oriented tabs (最近 / 同部门 / 我的下属). */
export const PersonsMode: Story = {
  render,
  args: {
    mode: 'persons',
    value: {
      include: [
        { type: 'person', id: '10000001' },
        { type: 'person', id: '10000005' },
      ],
      exclude: [],
    },
  },
};

/** Every call takes 0.8–2 s: loading states, search as you type (older queries are aborted). */
export const SlowHost: Story = { render, args: { host: { latency: { min: 800, max: 2000 } } } };

/** The host is down: the error with a retry; the saved selection is kept. */
export const FailingHost: Story = {
  render,
  args: {
    host: { failures: { 'org.children': 'network', 'org.count': 'server' } },
    value: { include: [{ type: 'subcompany', id: '101' }], exclude: [] },
  },
};

/** The first load times out, then the host works: press 重试. */
export const FailsThenRecovers: Story = {
  render,
  args: { host: { failures: { 'org.children': { kind: 'timeout', times: 1 } } } },
};

/** An org without any unit. */
export const Empty: Story = {
  render,
  args: {
    makeHost: () => {
      const h = createMemoryHost();
      return {
        ...h,
        org: { ...h.org, children: async (_p, o) => ({ items: [], total: 0, offset: o?.offset ?? 0 }) },
      };
    },
  },
};

/** A saved selection whose IDs no longer exist (已失效) and that holds a resigned person (flagged). */
export const MissingAndResigned: Story = {
  render,
  args: {
    mode: 'persons',
    value: {
      include: [
        { type: 'person', id: '10000042' },
        { type: 'person', id: '99999999' },
        { type: 'person', id: '10000003' },
      ],
      exclude: [],
    },
  },
};

/** Limits and locked items: at most 3 persons with a custom message; reasons on hover and focus. */
export const Constraints: Story = {
  render,
  args: {
    mode: 'persons',
    maxPersons: 3,
    minPersons: 1,
    required: true,
    overLimitMessage: '签章人员最多 {max} 位，请先移除一位',
    requiredItems: [{ type: 'person', id: '10000001', reason: '系统管理员必须保留' }],
    disabledItems: [{ type: 'person', id: '10000004', reason: '未实名认证，不能设为签章人员' }],
    pickedItems: [{ type: 'person', id: '10000005', reason: '已是其他服务的签章人员' }],
    value: { include: [{ type: 'person', id: '10000001' }], exclude: [] },
  },
};

/** Many selected persons: chips collapse into "+N". */
export const ManyChips: Story = {
  render,
  args: {
    mode: 'persons',
    value: {
      include: Array.from({ length: 40 }, (_, i) => ({ type: 'person' as const, id: String(10000010 + i) })),
      exclude: [],
    },
  },
};

/** A host that offers only the tree and forbids showing resigned persons. */
export const LimitedHost: Story = {
  render,
  args: { mode: 'persons', host: { tabs: ['tree'], canShowInactive: false } },
};

/** Bulk entry: open 批量添加 and paste e.g. `张伟, 100001, 查无此人`. */
export const BulkPaste: Story = { render, args: { mode: 'persons' } };

export const English: Story = {
  render,
  args: { lang: 'en', value: { include: [{ type: 'subcompany', id: '101' }], exclude: [] } },
};

/** Inside a plain form: the value is submitted as `department:12,!person:34`. */
export const InAForm: Story = {
  render: (args: Args) =>
    html`<form
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const out = (e.target as HTMLFormElement).querySelector('output')!;
        out.textContent = JSON.stringify([...new FormData(e.target as HTMLFormElement)]);
      }}
    >
      ${render({ ...args, required: true })}
      <button type="submit">Submit</button>
      <output></output>
    </form>`,
  args: {},
};

/** The dark theme (`theme="dark"`). */
export const Dark: StoryObj<Args> = { ...ScopeWithRules, args: { ...ScopeWithRules.args, theme: 'dark' } };
