import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/network-strategy-editor/define.js';
import type { QysNetworkStrategyEditor } from '../../../src/components/network-strategy-editor/network-strategy-editor.js';
import { createMemoryHost } from '../../../src/api/memory-host/index.js';
import type { AutoLogin } from '../../../src/api/schemas.js';
import type { QysHost } from '../../../src/api/host.js';
import { formFieldSuite } from '../../shared/form-field-suite.js';
import {
  networkStrategyMessages,
  networkStrategyText,
  ruleIssueText,
} from '../../../src/components/network-strategy-editor/network-strategy-editor.messages.js';
import { RULE_ISSUE_CODES, parseSegmentRules } from '../../../src/core/network-strategy/index.js';
import { loadLanguage } from '../../../src/internal/i18n.js';

const URLS = { external: 'https://qys.example.com', internal: 'http://10.0.0.5:9180' };
const segment = (rules: string[], domainRules: string[] = []): AutoLogin => ({
  mode: 'segment',
  segmentRules: rules,
  domainRules,
});

async function settle(el: QysNetworkStrategyEditor) {
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

async function make(value?: AutoLogin, opts: { host?: QysHost; lang?: string } = {}) {
  const host = opts.host ?? createMemoryHost({ clientIp: '10.1.2.3' });
  const el = await fixture<QysNetworkStrategyEditor>(html`
    <qys-network-strategy-editor
      name="autoLogin"
      lang=${opts.lang ?? 'zh-CN'}
      .host=${host}
      .signingUrls=${URLS}
      .value=${value ?? { mode: 'off', segmentRules: [], domainRules: [] }}
    ></qys-network-strategy-editor>
  `);
  await settle(el);
  return el;
}

const $ = <T extends Element = HTMLElement>(el: QysNetworkStrategyEditor, sel: string) =>
  el.shadowRoot!.querySelector(sel) as T;
const $$ = <T extends Element = HTMLElement>(el: QysNetworkStrategyEditor, sel: string) =>
  [...el.shadowRoot!.querySelectorAll(sel)] as T[];
const ruleInputs = (el: QysNetworkStrategyEditor) => $$<HTMLInputElement>(el, 'input[part="rule-input"]');
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const radio = (el: QysNetworkStrategyEditor, mode: string) =>
  $<HTMLInputElement>(el, `input[name="mode"][value="${mode}"]`);

formFieldSuite<QysNetworkStrategyEditor>({
  tag: 'qys-network-strategy-editor',
  create: () => {
    const el = document.createElement('qys-network-strategy-editor');
    el.host = createMemoryHost();
    return el;
  },
  setValue: (el) => {
    el.value = segment(['10.0.0.0/8']);
  },
  expected: [JSON.stringify(segment(['10.0.0.0/8']))],
  userChange: async (el) => {
    radio(el, 'off').focus();
    await sendKeys({ press: 'ArrowRight' });
  },
  settle,
  innerDisabled: (el) => $<HTMLFieldSetElement>(el, 'fieldset[part="base"]').disabled,
});

describe('<qys-network-strategy-editor>', () => {
  it('arrow keys move through the mode radio group and each step fires qys-change; typed rules survive', async () => {
    const el = await make({ mode: 'off', segmentRules: ['10.0.0.0/8'], domainRules: ['oa.example.com'] });
    radio(el, 'off').focus();
    const first = oneEvent(el, 'qys-change');
    await sendKeys({ press: 'ArrowRight' });
    expect((await first).detail.value.mode).to.equal('segment');
    await el.updateComplete;
    expect(ruleInputs(el).map((i) => i.value)).to.deep.equal(['10.0.0.0/8']);
    const second = oneEvent(el, 'qys-change');
    await sendKeys({ press: 'ArrowRight' });
    expect((await second).detail.value).to.deep.equal({
      mode: 'domain',
      segmentRules: ['10.0.0.0/8'],
      domainRules: ['oa.example.com'],
    });
    await el.updateComplete;
    expect(ruleInputs(el).map((i) => i.value)).to.deep.equal(['oa.example.com']);
    expect(text(el.shadowRoot!.querySelector('.muted:not(.hint)'))).to.match(/1 条规则已保留|另一种策略/);
  });

  it('Enter in the add box adds several rules at once (lines and commas); Shift+Enter makes a new line', async () => {
    const el = await make(segment([]));
    const form = document.createElement('form');
    el.parentElement!.append(form);
    form.append(el);
    await settle(el);
    $<HTMLTextAreaElement>(el, 'textarea').focus();
    await sendKeys({ type: '10.0.0.0/8, 172.16.0.0/12' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: '192.168.1.10-192.168.1.200' });
    const changed = oneEvent(el, 'qys-change');
    await sendKeys({ press: 'Enter' });
    const ev = await changed;
    expect(ev.detail.value.segmentRules).to.deep.equal([
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.1.10-192.168.1.200',
    ]);
    await el.updateComplete;
    expect(ruleInputs(el).map((i) => i.value)).to.deep.equal([
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.1.10-192.168.1.200',
    ]);
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'textarea'));
    expect(JSON.parse(new FormData(form).get('autoLogin') as string).segmentRules).to.have.length(3);
    expect(el.checkValidity()).to.equal(true);
    expect(text($(el, '[role="status"].sr-only'))).to.equal('已添加 3 条规则');
  });

  it('a bad rule stays in the list with its error next to it, and the field says why it is invalid', async () => {
    const el = await make(segment(['10.0.0.0/8']));
    $<HTMLTextAreaElement>(el, 'textarea').focus();
    await sendKeys({ type: '010.1.1.1' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value.segmentRules).to.deep.equal(['10.0.0.0/8', '010.1.1.1']);
    const input = ruleInputs(el)[1]!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const msg = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(text(msg)).to.equal('错误：IP 地址的各段不能以 0 开头（如 010），请写成 10');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.badInput).to.equal(true);
    expect(el.validationMessage).to.equal(
      '有 1 条规则格式不正确。第 2 条规则：IP 地址的各段不能以 0 开头（如 010），请写成 10',
    );
    expect(text($(el, '[role="status"].sr-only'))).to.contain('其中 1 条有误');
  });

  it('inline edit with Enter fixes a rule; warnings (duplicate, containment) show next to the rule', async () => {
    const el = await make(segment(['10.0.0.0/8', '10.1.0.0/16', '300.1.1.1']));
    expect(text($(el, '#msg-1'))).to.equal('提示：已包含在第 1 条规则中');
    expect(ruleInputs(el)[1]!.getAttribute('aria-invalid')).to.equal('false');
    expect(el.validity.badInput).to.equal(true);
    const input = ruleInputs(el)[2]!;
    input.focus();
    input.select();
    await sendKeys({ type: '10.0.0.0/8' });
    const changed = oneEvent(el, 'qys-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail.value.segmentRules).to.deep.equal([
      '10.0.0.0/8',
      '10.1.0.0/16',
      '10.0.0.0/8',
    ]);
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    expect(text($(el, '#msg-2'))).to.equal('提示：与第 1 条规则重复');
  });

  it('several rules pasted into one row become several rows', async () => {
    const el = await make(segment(['10.0.0.0/8', '192.168.0.0/16']));
    const input = ruleInputs(el)[0]!;
    input.focus();
    input.select();
    await sendKeys({ type: '10.0.0.0/8, 172.16.0.0/12' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value.segmentRules).to.deep.equal(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']);
    expect(ruleInputs(el).map((i) => i.value)).to.deep.equal([
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.0.0/16',
    ]);
  });

  it('Delete on a row’s delete button removes the rule and moves focus to the next rule', async () => {
    const el = await make(segment(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']));
    ruleInputs(el)[0]!.focus();
    await sendKeys({ press: 'Tab' });
    const button = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).to.equal('删除第 1 条规则 10.0.0.0/8');
    const changed = oneEvent(el, 'qys-change');
    await sendKeys({ press: 'Delete' });
    expect((await changed).detail.value.segmentRules).to.deep.equal(['172.16.0.0/12', '192.168.0.0/16']);
    await el.updateComplete;
    await aTimeout(0);
    expect(el.shadowRoot!.activeElement).to.equal(ruleInputs(el)[0]);
    expect(ruleInputs(el)[0]!.value).to.equal('172.16.0.0/12');
    // Backspace works too; removing the last rule leaves focus in the add box and the field invalid.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    ruleInputs(el)[0]!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value.segmentRules).to.deep.equal([]);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'textarea'));
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('已启用该策略，请至少添加一条规则');
  });

  it('try an address: defaults to the client IP from the host and names the deciding rule', async () => {
    const el = await make(segment(['192.168.0.0/16', '10.0.0.0/8']));
    const result = $(el, '[part="try-result"]');
    expect(result.getAttribute('aria-live')).to.equal('polite');
    expect($<HTMLInputElement>(el, '#try-ip').value).to.equal('10.1.2.3');
    expect(text(result)).to.contain('跳转内网地址 http://10.0.0.5:9180');
    expect(text(result)).to.contain('由第 2 条规则 10.0.0.0/8 决定');
    $<HTMLInputElement>(el, '#try-ip').select();
    $<HTMLInputElement>(el, '#try-ip').focus();
    await sendKeys({ type: '8.8.8.8' });
    await el.updateComplete;
    expect(text(result)).to.contain('跳转外网地址 https://qys.example.com');
    expect(text(result)).to.contain('该 IP 不在任何网段中');
  });

  it('try an address in domain mode defaults to the page host', async () => {
    const el = await make({ mode: 'domain', segmentRules: [], domainRules: [location.hostname] });
    expect($<HTMLInputElement>(el, '#try-host').value).to.equal(location.host);
    expect(text($(el, '[part="try-result"]'))).to.contain(`由第 1 条规则 ${location.hostname} 决定`);
  });

  it('try an address: a typed host without a port is on the page scheme’s default port', async () => {
    const port = location.protocol === 'https:' ? 443 : 80;
    const el = await make({ mode: 'domain', segmentRules: [], domainRules: [`oa.example.com:${port}`] });
    const input = $<HTMLInputElement>(el, '#try-host');
    input.select();
    input.focus();
    await sendKeys({ type: 'oa.example.com' });
    await el.updateComplete;
    expect(text($(el, '[part="try-result"]'))).to.contain(`由第 1 条规则 oa.example.com:${port} 决定`);
  });

  it('takes the addresses from `binding` and reports a missing internal address as the binding’s error', async () => {
    const el = await make(segment(['10.0.0.0/8']));
    el.signingUrls = undefined;
    el.binding = { signingUrlExternal: 'https://e.example.com', signingUrlInternal: '' };
    await el.updateComplete;
    expect(text($(el, '[part="try-result"]'))).to.contain('已启用内外网自动登录，请填写签署平台内网地址');
    el.value = { ...el.value, mode: 'off' };
    await el.updateComplete;
    expect(text($(el, '[part="try-result"]'))).to.contain('跳转外网地址 https://e.example.com');
  });

  it('offers the host’s presets; a checked preset joins the value and can decide', async () => {
    const el = await make(segment([]));
    const boxes = $$<HTMLInputElement>(el, '[part="presets"] input[type="checkbox"]');
    expect(boxes.map((b) => text(b.parentElement))).to.deep.equal([
      '总部内网 1 个网段',
      '分支机构 1 个网段',
      '办公 Wi-Fi 1 个网段',
    ]);
    expect(el.validity.valueMissing).to.equal(true);
    boxes[0]!.focus();
    const changed = oneEvent(el, 'qys-change');
    await sendKeys({ press: ' ' });
    expect((await changed).detail.value.segmentPresetIds).to.deep.equal(['hq-intranet']);
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    expect(text($(el, '[part="try-result"]'))).to.contain('由预设网段“总部内网”中的 10.0.0.0/8 决定');
  });

  it('warns when an own rule is already inside a selected preset', async () => {
    const el = await make({ ...segment(['10.20.0.0/16', '11.0.0.1']), segmentPresetIds: ['hq-intranet'] });
    expect(text($(el, '#msg-0'))).to.equal('提示：已包含在所选的预设网段“总部内网”中');
    expect($(el, '#msg-1')).to.equal(null);
    expect(el.checkValidity()).to.equal(true);
  });

  it('a preset that no longer exists is shown, makes the field invalid, and can be unchecked', async () => {
    const el = await make({ ...segment(['10.0.0.0/8']), segmentPresetIds: ['gone'] });
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.equal('所选的 OA 预设网段已不存在，请取消勾选');
    el.lang = 'en';
    await el.updateComplete;
    expect(el.validationMessage).to.equal('A selected OA segment preset no longer exists: uncheck it');
    el.lang = 'zh-CN';
    await el.updateComplete;
    const box = $$<HTMLInputElement>(el, '[part="presets"] input[type="checkbox"]').at(-1)!;
    expect(text(box.parentElement)).to.equal('已不存在的预设（gone）');
    box.click();
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
  });

  it('when presets fail to load it says so, still edits rules, and retry loads them', async () => {
    const host = createMemoryHost({ failures: { 'client.segmentPresets': { kind: 'network', times: 1 } } });
    const el = await make(segment([]), { host });
    const presets = $(el, '[part="presets"]');
    expect(text(presets)).to.contain('无法加载 OA 预设网段');
    expect(text(presets)).to.contain('仍可手动填写网段');
    $<HTMLTextAreaElement>(el, 'textarea').focus();
    await sendKeys({ type: '10.0.0.0/8' });
    await sendKeys({ press: 'Enter' });
    expect(el.value.segmentRules).to.deep.equal(['10.0.0.0/8']);
    ($(el, '[part="presets"] button') as HTMLButtonElement).click();
    await settle(el);
    expect($$(el, '[part="presets"] input[type="checkbox"]')).to.have.length(3);
  });

  it('a new host aborts the older host’s requests and its late answer is ignored', async () => {
    const signals: AbortSignal[] = [];
    let resolveSlow: (v: unknown) => void = () => {};
    const slow = {
      client: {
        context: ({ signal }: { signal: AbortSignal }) => (signals.push(signal), new Promise(() => {})),
        segmentPresets: ({ signal }: { signal: AbortSignal }) => (
          signals.push(signal),
          new Promise((r) => (resolveSlow = r))
        ),
      },
    } as unknown as QysHost;
    const el = await make(segment([]), { host: slow });
    expect(text($(el, '[part="presets"]'))).to.equal('正在加载 OA 预设网段…');
    el.host = createMemoryHost();
    await settle(el);
    expect(signals.length).to.equal(2);
    expect(signals.every((s) => s.aborted)).to.equal(true);
    resolveSlow([{ id: 'late', name: '迟到的预设', rules: ['1.0.0.0/8'] }]);
    await settle(el);
    expect($$(el, '[part="presets"] label').map((l) => text(l))).to.deep.equal([
      '总部内网 1 个网段',
      '分支机构 1 个网段',
      '办公 Wi-Fi 1 个网段',
    ]);
  });

  it('without a host any more, the last host’s presets are not offered', async () => {
    const el = await make(segment([]));
    await settle(el);
    expect($$(el, '[part="presets"] input[type="checkbox"]')).to.have.length(3);
    el.host = undefined;
    await settle(el);
    expect($(el, '[part="presets"]')).to.equal(null);
  });

  it('says "loading" while the host is slow', async () => {
    const host = createMemoryHost({ latency: 300 });
    const el = await make(segment([]), { host });
    expect(text($(el, '[part="presets"]'))).to.equal('正在加载 OA 预设网段…');
  });

  it('speaks English with lang="en"', async () => {
    const el = await make(segment(['10.0.0.0/33']), { lang: 'en' });
    expect(text($(el, 'legend'))).to.equal('Intranet auto-login');
    expect(text($(el, '#msg-0'))).to.equal('Error: The prefix length must be a whole number from 0 to 32');
    expect(el.validationMessage).to.equal(
      'Rules with errors: 1. Rule 1: The prefix length must be a whole number from 0 to 32',
    );
  });

  it('required and off is valueMissing; a bad value from the page warns once and is ignored', async () => {
    const el = await make(segment(['10.0.0.0/8']));
    el.required = true;
    el.value = { mode: 'off', segmentRules: [], domainRules: [] };
    await el.updateComplete;
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('请选择并配置内外网自动登录策略');
    const warns: unknown[] = [];
    const orig = console.warn;
    console.warn = (...a: unknown[]) => warns.push(a);
    try {
      el.value = { mode: 'sometimes' } as unknown as AutoLogin;
      el.value = null as unknown as AutoLogin;
    } finally {
      console.warn = orig;
    }
    expect(warns).to.have.length(1);
    expect(el.value.mode).to.equal('off');
  });

  it('a restored state that is not an AutoLogin is ignored', async () => {
    const el = await make(segment(['10.0.0.0/8']));
    el.formStateRestoreCallback('{not json');
    el.formStateRestoreCallback(JSON.stringify({ mode: 'segment', segmentRules: 'x' }));
    await el.updateComplete;
    expect(el.value).to.deep.equal(segment(['10.0.0.0/8']));
  });

  it('readonly shows the rules without editing controls, still previews and still submits', async () => {
    const el = await make({ ...segment(['10.0.0.0/8']), segmentPresetIds: ['office-wifi'] });
    const form = document.createElement('form');
    el.parentElement!.append(form);
    form.append(el);
    el.readonly = true;
    await settle(el);
    expect($$(el, '[part="remove-button"]')).to.have.length(0);
    expect($(el, 'textarea')).to.equal(null);
    expect(ruleInputs(el)[0]!.readOnly).to.equal(true);
    expect(radio(el, 'off').disabled).to.equal(true);
    expect($$<HTMLInputElement>(el, '[part="presets"] input').every((i) => i.disabled)).to.equal(true);
    expect(text($(el, '[part="try-result"]'))).to.contain('跳转内网地址');
    expect(JSON.parse(new FormData(form).get('autoLogin') as string).segmentRules).to.deep.equal([
      '10.0.0.0/8',
    ]);
    await expect(el).to.be.accessible();
  });

  it('disabled disables every control', async () => {
    const el = await make(segment(['10.0.0.0/8']));
    el.disabled = true;
    await el.updateComplete;
    expect(($(el, 'fieldset') as HTMLFieldSetElement).disabled).to.equal(true);
    expect(ruleInputs(el)[0]!.matches(':disabled')).to.equal(true);
  });

  it('is accessible (with errors and warnings shown)', async () => {
    const el = await make(segment(['10.0.0.0/8', '10.1.0.0/16', 'oa.example.com']));
    await expect(el).to.be.accessible();
    el.value = { mode: 'domain', segmentRules: [], domainRules: ['*.intra.example.com', 'http://x'] };
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders hundreds of rules', async () => {
    const rules = Array.from({ length: 400 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const el = await make(segment(rules));
    expect(ruleInputs(el)).to.have.length(400);
    expect(text($(el, '#list-title'))).to.equal('网段规则（400 条）');
    expect(el.checkValidity()).to.equal(true);
  });

  it('every rule issue code, validation code and reason has a message (for binding settings too)', async () => {
    await loadLanguage('en'); // English loads on demand
    const reasons = [
      'off',
      'segment.match',
      'segment.noMatch',
      'segment.noClientIp',
      'segment.badClientIp',
      'domain.match',
      'domain.noMatch',
      'domain.noHostname',
      'domain.badHostname',
    ];
    const keys = [
      ...RULE_ISSUE_CODES,
      'strategy.noRules',
      'segmentPreset.unknown',
      ...reasons.map((r) => `reason.${r}`),
    ];
    const missing = keys.filter(
      (k) => !(k in networkStrategyMessages['zh-CN']) || !(k in networkStrategyMessages.en!),
    );
    expect(missing).to.deep.equal([]);
    const issue = parseSegmentRules(['10.0.0.0/8', '10.1.1.256']).issues[0]!;
    expect(ruleIssueText(issue, 'zh-CN', true)).to.equal('第 2 条规则：IPv4 地址的每一段必须在 0–255 之间');
    expect(ruleIssueText(issue, 'en-US')).to.equal('Each part of an IPv4 address must be 0–255');
    expect(networkStrategyText('signingUrlInternal.requiredForAutoLogin', 'en')).to.contain(
      'internal address',
    );
  });
});
