/**
 * Demo host page (`npm start`): an admin-style page that wires `createHttpHost` (the reference host) into
 * `<qys-host-provider>` and shows every element that exists so far. Elements come from `src/all.ts`;
 * a section whose element is not defined yet says so instead of breaking the page.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { createHttpHost } from '../../src/api/http-host.js';
import type { QysHost } from '../../src/api/host.js';
import type { Binding } from '../../src/api/schemas.js';
import { DEMO_EVENTS, shownFormValue } from './events.js';

type Lang = 'zh-CN' | 'en';

const STRINGS = {
  'zh-CN': {
    title: '契约锁电子签 · 组件演示',
    language: '语言',
    loading: '正在加载…',
    envMissing: '没有找到参考宿主的地址（/__qys/env）。请用 npm start 启动演示页。',
    loadFailed: '部分组件加载失败：',
    referenceHost: '参考宿主',
    simulator: '契约锁模拟器',
    notProvided: (tag: string) =>
      html`<code>&lt;${tag}&gt;</code> 尚未提供：该组件还在开发中，完成后会自动出现在这里。`,
    sections: {
      binding: ['绑定设置', '服务列表、私有云 / 公有云的接入参数、组织架构同步范围与同步服务商数据。'],
      network: ['网段策略', '内外网自动登录：按网段或域名决定跳转签署平台的内网还是外网地址。'],
      org: ['组织架构', '选择需要同步的分部、部门与人员，以及签章人员。'],
      browse: ['电子签浏览框', '表单设计器中的电子印章、物理印章、文件模板与用印流程字段。'],
      signing: ['签署', '在内嵌框架中打开契约锁签署页面（单点登录），签署后经 OA 返回页回到本页。'],
      checklist: ['对接检查清单', '契约锁侧需要配置的内容，自动计算并逐项检查。'],
    } as Record<string, [string, string]>,
    churn: '模拟契约锁侧数据变化（各新增、修改、删除一条）',
    churned: (a: number, u: number, r: number) =>
      `已变更：新增 ${a}、修改 ${u}、删除 ${r}。再次“同步服务商数据”即可看到。`,
    submit: '提交表单',
    reset: '重置',
    formValue: '表单提交的值',
    orgScope: '同步范围（分部 / 部门 / 人员）',
    signatories: '签章人员',
    browseKinds: {
      'electronic-seal': '电子印章',
      'physical-seal': '物理印章',
      'file-template': '文件模板',
      'electronic-seal-flow': '电子用印流程',
      'physical-seal-flow': '物理用印流程',
    } as Record<string, string>,
    contract: '合同',
    contractOption: (subject: string, status: string) => `${subject}（${status}）`,
    startSigning: '开始签署',
    viewContract: '查看',
    refresh: '刷新合同状态',
    simControls: '模拟契约锁侧的情况',
    whitelistMiss: '本页不在“嵌入电子签平台页面白名单”中',
    ssoReject: '单点登录被拒绝（显示登录页）',
    unreachable: '契约锁无法访问',
    expireSessions: '让已打开的签署会话过期',
    events: '事件记录',
    noEvents: '还没有事件。',
    states: {
      SIGNING: '签署中',
      COMPLETE: '已签署',
      REJECTED: '已拒签',
      EXPIRED: '已过期',
      RECALLED: '已撤回',
      DRAFT: '草稿',
    } as Record<string, string>,
    noService: '参考宿主中没有默认服务。',
  },
  en: {
    title: 'Qiyuesuo e-signature · element demo',
    language: 'Language',
    loading: 'Loading…',
    envMissing: 'The reference host address (/__qys/env) was not found. Start the demo with npm start.',
    loadFailed: 'Some elements failed to load: ',
    referenceHost: 'Reference host',
    simulator: 'Qiyuesuo simulator',
    notProvided: (tag: string) =>
      html`<code>&lt;${tag}&gt;</code> is not provided yet: it is still being built and will show up here once
        it lands.`,
    sections: {
      binding: [
        'Binding settings',
        'Services, private / public cloud parameters, org sync scope and provider data sync.',
      ],
      network: [
        'Network strategy',
        'Automatic login: the network segment or domain decides the internal or external signing address.',
      ],
      org: ['Organization', 'Pick the subcompanies, departments and persons to sync, and the signatories.'],
      browse: [
        'Browse fields',
        'Form-designer fields for electronic seals, physical seals, file templates and seal flows.',
      ],
      signing: [
        'Signing',
        'Opens the Qiyuesuo signing page in an embedded frame (SSO); completion returns through the OA return page.',
      ],
      checklist: ['Integration checklist', 'What to configure on the Qiyuesuo side, computed and checked.'],
    } as Record<string, [string, string]>,
    churn: 'Simulate changes on the Qiyuesuo side (one added, updated, removed each)',
    churned: (a: number, u: number, r: number) =>
      `Changed: ${a} added, ${u} updated, ${r} removed. Run "sync provider data" to see them.`,
    submit: 'Submit form',
    reset: 'Reset',
    formValue: 'Submitted form value',
    orgScope: 'Sync scope (subcompanies / departments / persons)',
    signatories: 'Signatories',
    browseKinds: {
      'electronic-seal': 'Electronic seal',
      'physical-seal': 'Physical seal',
      'file-template': 'File template',
      'electronic-seal-flow': 'Electronic seal flow',
      'physical-seal-flow': 'Physical seal flow',
    } as Record<string, string>,
    contract: 'Contract',
    contractOption: (subject: string, status: string) => `${subject} (${status})`,
    startSigning: 'Start signing',
    viewContract: 'View',
    refresh: 'Refresh contract states',
    simControls: 'Simulate the Qiyuesuo side',
    whitelistMiss: 'This page is not in the embed whitelist',
    ssoReject: 'Single sign-on rejected (login page)',
    unreachable: 'Qiyuesuo unreachable',
    expireSessions: 'Expire open signing sessions',
    events: 'Event log',
    noEvents: 'No events yet.',
    states: {
      SIGNING: 'signing',
      COMPLETE: 'signed',
      REJECTED: 'declined',
      EXPIRED: 'expired',
      RECALLED: 'recalled',
      DRAFT: 'draft',
    } as Record<string, string>,
    noService: 'The reference host has no default service.',
  },
};

const EVENTS = DEMO_EVENTS;

const BROWSE_KINDS = [
  'electronic-seal',
  'physical-seal',
  'file-template',
  'electronic-seal-flow',
  'physical-seal-flow',
];

interface Env {
  referenceHost?: string;
  simulator?: string;
  demo?: string;
}

interface SimContract {
  id: string;
  subject: string;
  status: string;
}

interface SimState {
  whitelist: string[];
  ssoReject: boolean;
  unreachable: false | 'reset' | 'hang';
  contracts: SimContract[];
}

const state = {
  lang: (new URLSearchParams(location.search).get('lang') === 'en' ||
  localStorage.getItem('qys-demo-lang') === 'en'
    ? 'en'
    : 'zh-CN') as Lang,
  env: {} as Env,
  host: undefined as QysHost | undefined,
  binding: undefined as Binding | undefined,
  loadError: '',
  sim: undefined as SimState | undefined,
  /** The whitelist before "whitelist miss" was switched on. */
  savedWhitelist: undefined as string[] | undefined,
  contractId: '',
  churnResult: '',
  forms: {} as Record<string, string>,
  events: [] as string[],
};

const s = () => STRINGS[state.lang];
const app = document.getElementById('app') as HTMLElement;

function defined(tag: string): boolean {
  return customElements.get(tag) !== undefined;
}

/**
 * A card for one element. `ownHeading`: the element shows the same title as its own heading (the
 * 绑定设置 page does), so the card names itself with aria-label instead of a second heading.
 */
function section(
  id: string,
  tags: string[],
  body: () => TemplateResult,
  options: { ownHeading?: boolean } = {},
): TemplateResult {
  const [title, lead] = s().sections[id] as [string, string];
  const missing = tags.filter((t) => !defined(t));
  // An element defined later (hot reload, a late module) shows up without a page reload.
  for (const t of missing) void customElements.whenDefined(t).then(update);
  const ownHeading = options.ownHeading && missing.length === 0;
  return html`<section
    class="card"
    id=${id}
    aria-labelledby=${ownHeading ? nothing : `${id}-h`}
    aria-label=${ownHeading ? title : nothing}
  >
    ${ownHeading ? nothing : html`<h2 id=${`${id}-h`}>${title}</h2>`}
    <p class="lead">${lead}</p>
    ${
      missing.length === tags.length
        ? html`<p class="missing" data-missing=${missing.join(' ')}>
            ${s().notProvided(missing[0] as string)}
          </p>`
        : body()
    }
  </section>`;
}

// ---------------------------------------------------------------------------------------------
// Simulator controls (the demo is the only user of the simulator's root deployment)
// ---------------------------------------------------------------------------------------------

async function sim(path: string, body?: unknown): Promise<unknown> {
  if (!state.env.simulator) return undefined;
  const res = await fetch(`${state.env.simulator}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return res.json();
}

async function loadSim(): Promise<void> {
  try {
    state.sim = (await sim('/__sim/state')) as SimState;
    if (!state.contractId) {
      state.contractId =
        state.sim.contracts.find((c) => c.status === 'SIGNING')?.id ?? state.sim.contracts[0]?.id ?? '';
    }
  } catch {
    state.sim = undefined;
  }
  update();
}

async function setSim(patch: Partial<SimState>): Promise<void> {
  state.sim = (await sim('/__sim/state', patch)) as SimState;
  update();
}

/** Whether the simulator's embed whitelist lets this page frame it. */
function whitelistAllowsPage(whitelist: string[]): boolean {
  const anyPort = `${location.protocol}//${location.hostname}:*`;
  return whitelist.some((e) => e === '*' || e === location.origin || e === anyPort);
}

async function toggleWhitelistMiss(on: boolean): Promise<void> {
  if (on) {
    state.savedWhitelist = state.sim?.whitelist ?? [];
    await setSim({ whitelist: ['https://oa.example.com'] });
  } else {
    const fallback = [location.origin, 'http://127.0.0.1:*', 'http://localhost:*'];
    const saved = state.savedWhitelist;
    await setSim({ whitelist: saved && whitelistAllowsPage(saved) ? saved : fallback });
    state.savedWhitelist = undefined;
  }
}

async function churn(): Promise<void> {
  const r = (await sim('/__sim/churn', {})) as { added: string[]; updated: string[]; removed: string[] };
  state.churnResult = s().churned(r.added.length, r.updated.length, r.removed.length);
  update();
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

function showForm(e: SubmitEvent, key: string): void {
  e.preventDefault();
  const data = new FormData(e.currentTarget as HTMLFormElement);
  const out: Record<string, unknown[]> = {};
  for (const [name, value] of data)
    (out[name] ??= []).push(typeof value === 'string' ? shownFormValue(value) : value.name);
  state.forms[key] = JSON.stringify(out, null, 2);
  update();
}

function formOut(key: string): TemplateResult | typeof nothing {
  const v = state.forms[key];
  return v
    ? html`<p>${s().formValue}</p>
        <pre class="out" aria-live="polite">${v}</pre>`
    : nothing;
}

function formButtons(): TemplateResult {
  return html`<div class="row">
    <button class="primary" type="submit">${s().submit}</button><button type="reset">${s().reset}</button>
  </div>`;
}

function bindingSection(): TemplateResult {
  return section(
    'binding',
    ['qys-binding-settings'],
    () =>
      html`<qys-binding-settings></qys-binding-settings>
        <div class="row">
          <button type="button" @click=${churn}>${s().churn}</button>
          <span role="status">${state.churnResult}</span>
        </div>`,
    { ownHeading: true },
  );
}

function networkSection(): TemplateResult {
  return section(
    'network',
    ['qys-network-strategy-editor'],
    () =>
      html`<form @submit=${(e: SubmitEvent) => showForm(e, 'network')}>
          <qys-network-strategy-editor
            name="autoLogin"
            .value=${state.binding && 'autoLogin' in state.binding ? state.binding.autoLogin : undefined}
            .binding=${state.binding}
          ></qys-network-strategy-editor>
          ${formButtons()}
        </form>
        ${formOut('network')}`,
  );
}

function orgSection(): TemplateResult {
  return section(
    'org',
    ['qys-org-scope-picker'],
    () =>
      html`<form @submit=${(e: SubmitEvent) => showForm(e, 'org')}>
          <div class="grid">
            <qys-org-scope-picker name="scope" mode="scope" label=${s().orgScope}></qys-org-scope-picker>
            <qys-org-scope-picker
              name="signatories"
              mode="persons"
              label=${s().signatories}
            ></qys-org-scope-picker>
          </div>
          ${formButtons()}
        </form>
        ${formOut('org')}`,
  );
}

function browseSection(): TemplateResult {
  return section(
    'browse',
    ['qys-browse-field'],
    () =>
      html`<form @submit=${(e: SubmitEvent) => showForm(e, 'browse')}>
          <div class="grid">
            ${BROWSE_KINDS.map(
              (kind) =>
                html`<div class="field">
                  <span class="field-label" aria-hidden="true">${s().browseKinds[kind] ?? kind}</span>
                  <qys-browse-field
                    kind=${kind}
                    name=${kind}
                    label=${s().browseKinds[kind] ?? kind}
                    ?multiple=${kind.endsWith('seal')}
                    allow-sync
                  ></qys-browse-field>
                </div>`,
            )}
          </div>
          ${formButtons()}
        </form>
        ${formOut('browse')}`,
  );
}

function signingFrame(): (HTMLElement & { open?: () => Promise<void> }) | null {
  return app.querySelector('qys-signing-frame');
}

function signingSection(): TemplateResult {
  const contracts = state.sim?.contracts ?? [];
  const whitelistMiss = state.sim ? !whitelistAllowsPage(state.sim.whitelist) : false;
  return section(
    'signing',
    ['qys-signing-frame'],
    () =>
      html`<div class="row">
          <label
            >${s().contract}
            <select
              .value=${state.contractId}
              @change=${(e: Event) => {
                state.contractId = (e.target as HTMLSelectElement).value;
                update();
              }}
            >
              ${contracts.map(
                (c) =>
                  html`<option value=${c.id} ?selected=${c.id === state.contractId}>
                    ${s().contractOption(c.subject, s().states[c.status] ?? c.status)}
                  </option>`,
              )}
            </select></label
          >
          <button class="primary" type="button" @click=${() => void signingFrame()?.open?.()}>
            ${s().startSigning}
          </button>
          <button type="button" @click=${loadSim}>${s().refresh}</button>
        </div>
        <fieldset>
          <legend>${s().simControls}</legend>
          <div class="row">
            <label
              ><input
                type="checkbox"
                .checked=${whitelistMiss}
                @change=${(e: Event) => toggleWhitelistMiss((e.target as HTMLInputElement).checked)}
              />
              ${s().whitelistMiss}</label
            >
            <label
              ><input
                type="checkbox"
                .checked=${state.sim?.ssoReject ?? false}
                @change=${(e: Event) => setSim({ ssoReject: (e.target as HTMLInputElement).checked })}
              />
              ${s().ssoReject}</label
            >
            <label
              ><input
                type="checkbox"
                .checked=${Boolean(state.sim?.unreachable)}
                @change=${(e: Event) => setSim({ unreachable: (e.target as HTMLInputElement).checked ? 'reset' : false })}
              />
              ${s().unreachable}</label
            >
            <button type="button" @click=${() => sim('/__sim/sessions/expire', {})}>
              ${s().expireSessions}
            </button>
          </div>
        </fieldset>
        <qys-signing-frame
          contract-id=${state.contractId}
          service-id=${state.binding?.id ?? ''}
          page="sign"
        ></qys-signing-frame>`,
  );
}

function checklistSection(): TemplateResult {
  return section(
    'checklist',
    ['qys-integration-checklist'],
    () =>
      html`<qys-integration-checklist
        service-id=${state.binding?.id ?? ''}
        .binding=${state.binding}
        oa-url=${location.origin}
      ></qys-integration-checklist>`,
  );
}

function eventLog(): TemplateResult {
  return html`<section class="card" aria-labelledby="events-h">
    <h2 id="events-h">${s().events}</h2>
    ${
      state.events.length
        ? html`<ol class="log" aria-live="polite">
            ${state.events.map((e) => html`<li>${e}</li>`)}
          </ol>`
        : html`<p class="lead">${s().noEvents}</p>`
    }
  </section>`;
}

const SECTIONS = ['binding', 'network', 'org', 'browse', 'signing', 'checklist'];

function page(): TemplateResult {
  const env = state.env;
  const body = html`${bindingSection()} ${networkSection()} ${orgSection()} ${browseSection()}
  ${signingSection()} ${checklistSection()} ${eventLog()}`;
  return html`<header class="topbar">
      <h1>${s().title}</h1>
      <label
        >${s().language}
        <select
          aria-label=${s().language}
          @change=${(e: Event) => setLang((e.target as HTMLSelectElement).value as Lang)}
        >
          <option value="zh-CN" ?selected=${state.lang === 'zh-CN'}>中文</option>
          <option value="en" ?selected=${state.lang === 'en'}>English</option>
        </select></label
      >
    </header>
    ${!env.referenceHost ? html`<div class="banner error" role="alert">${s().envMissing}</div>` : nothing}
    ${state.loadError ? html`<div class="banner error" role="alert">${s().loadFailed}${state.loadError}</div>` : nothing}
    ${state.binding === undefined && state.host ? html`<div class="banner" role="status">${s().noService}</div>` : nothing}
    <div class="layout">
      <nav aria-label=${s().title}>
        ${SECTIONS.map((id) => html`<a href=${`#${id}`}>${(s().sections[id] as [string, string])[0]}</a>`)}
      </nav>
      <main>
        <div class="env">
          ${env.referenceHost ? html`<span>${s().referenceHost}: <a href=${env.referenceHost}>${env.referenceHost}</a></span>` : nothing}
          ${env.simulator ? html`<span>${s().simulator}: <a href=${env.simulator}>${env.simulator}</a></span>` : nothing}
        </div>
        ${state.host ? html`<qys-host-provider .host=${state.host}>${body}</qys-host-provider>` : body}
      </main>
    </div>`;
}

function update(): void {
  render(page(), app);
}

function setLang(lang: Lang): void {
  state.lang = lang;
  localStorage.setItem('qys-demo-lang', lang);
  document.documentElement.lang = lang;
  document.title = s().title;
  update();
}

function describe(detail: unknown): string {
  try {
    return (
      JSON.stringify(detail, (_k, v: unknown) => (v instanceof Error ? `${v.name}: ${v.message}` : v)) ?? ''
    );
  } catch {
    return String(detail);
  }
}

for (const type of EVENTS) {
  document.addEventListener(type, (e) => {
    const time = new Date().toLocaleTimeString(state.lang);
    state.events = [`${time} ${type} ${describe((e as CustomEvent).detail)}`, ...state.events].slice(0, 50);
    if (type === 'qys-signed' || type === 'qys-declined' || type === 'qys-expired') void loadSim();
    else update();
  });
}

async function boot(): Promise<void> {
  document.documentElement.lang = state.lang;
  document.title = s().title;
  try {
    state.env = (await (await fetch('/__qys/env')).json()) as Env;
  } catch {
    const q = new URLSearchParams(location.search);
    state.env = {
      referenceHost: q.get('referenceHost') ?? undefined,
      simulator: q.get('simulator') ?? undefined,
    };
  }
  try {
    await import('../../src/all.js');
  } catch (err) {
    state.loadError = err instanceof Error ? err.message : String(err);
  }
  if (state.env.referenceHost) {
    state.host = createHttpHost({ baseUrl: state.env.referenceHost });
    try {
      const services = await state.host.services.list();
      state.binding = services.find((b) => b.isDefault) ?? services[0];
    } catch (err) {
      state.loadError ||= err instanceof Error ? err.message : String(err);
    }
  }
  app.removeAttribute('aria-busy');
  app.textContent = '';
  update();
  await loadSim();
}

void boot();
