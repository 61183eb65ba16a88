import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/components/signing-frame/define.js';
import { QysSigningFrame } from '../src/components/signing-frame/signing-frame.js';
import { createMemoryHost, type MemoryHostOptions } from '../src/api/memory-host/index.js';
import type { QysHost, SigningSession } from '../src/index.js';

/**
 * Embedded signing. Storybook has no Qiyuesuo simulator, so the memory host stands in for the OA and
 * a small same-origin page stands in for the signing platform plus the OA's return page: its buttons
 * post the bridge message (`{ source: 'qys-bridge', type, nonce }`) the real return page posts.
 * Each blocked cause is produced the way it happens for real (embed whitelist via `inspectFraming`,
 * an unreachable address, an expired URL, a login page twice), except two that a story cannot cause
 * on its own page: the host-page CSP (a `securitypolicyviolation` event like the browser's) and
 * mixed content (the element as on an https page).
 */
const meta: Meta = {
  title: 'Elements/qys-signing-frame',
  component: 'qys-signing-frame',
  tags: ['autodocs'],
};
export default meta;

/** The platform stand-in: a page with the signing buttons; `auto` posts a result as soon as it loads. */
function platformPage(): string {
  const page = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>契约锁 签署（演示）</title>
<style>body{font:14px system-ui,sans-serif;margin:0;background:#f5f6f7}header{background:#1c5bd9;color:#fff;padding:10px 20px}
main{background:#fff;margin:16px;padding:16px;border-radius:8px}button{margin-inline-end:8px;padding:6px 16px}</style>
<header>契约锁电子签约（演示）</header><main><h1>采购合同 HT-2026-001</h1><p>请确认合同内容后签署。</p>
<button data-t="signed">签署</button><button data-t="declined">拒签</button><button data-t="cancelled">取消</button><button data-t="expired">模拟过期</button></main>
<script>
var q = new URLSearchParams(location.hash.slice(1));
function post(t) { parent.postMessage({ source: 'qys-bridge', type: t, nonce: q.get('nonce'), contractId: q.get('contractId') || undefined }, location.origin); }
document.querySelectorAll('button').forEach(function (b) { b.onclick = function () { post(b.dataset.t); }; });
if (q.get('auto')) setTimeout(function () { post(q.get('auto')); }, 300);
</script></html>`;
  return URL.createObjectURL(new Blob([page], { type: 'text/html' }));
}

interface StoryHostOptions extends MemoryHostOptions {
  /** What the platform page posts by itself once loaded. */
  auto?: 'signed' | 'declined' | 'login-required';
  /** Internal signing address of the story service (default: this page's origin). */
  signingAddress?: string;
  /** Every session URL arrives already expired. */
  staleSessions?: boolean;
}

async function storyHost(o: StoryHostOptions = {}): Promise<{ host: QysHost; serviceId: string }> {
  const page = platformPage();
  const memory = createMemoryHost({
    validate: false, // the platform stand-in is a blob: URL, not http(s)
    signingUrl: (r) =>
      `${page}#${new URLSearchParams({ nonce: r.nonce, contractId: r.contractId ?? '', auto: o.auto ?? '' })}`,
    ...o,
  });
  const saved = await memory.services.save({
    serviceType: 'private',
    provider: 'qiyuesuo',
    name: '契约锁私有云',
    isDefault: true,
    appToken: 'story-app-token',
    appSecret: 'story-app-secret',
    signatories: [],
    openApiUrl: location.origin,
    encryptionKey: 'story-key-0001ab',
    signingUrlExternal: location.origin,
    signingUrlInternal: o.signingAddress ?? location.origin,
    // the memory host reports client IP 10.1.2.3: the internal address, decided by rule 10.0.0.0/8
    autoLogin: { mode: 'segment', segmentRules: ['10.0.0.0/8'], domainRules: [], segmentPresetIds: [] },
  });
  // What the platform will have recorded once the page posts its result (the element confirms it).
  memory.control.setContractStatus(
    '2961458871234567001',
    o.auto === 'signed' || o.auto === 'declined' ? o.auto : 'signing',
  );
  let host: QysHost = memory;
  if (o.staleSessions)
    host = {
      ...memory,
      signing: {
        ...memory.signing,
        createSession: async (r, opt): Promise<SigningSession> => ({
          ...(await memory.signing.createSession(r, opt)),
          expiresAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      },
    };
  return { host, serviceId: saved.id };
}

interface Args {
  /** `dark` or `light` (absent: follows prefers-color-scheme). */
  theme?: 'dark' | 'light';
  lang: string;
  page: 'sign' | 'view';
}
type Loaded = { host: QysHost; serviceId: string };

const frame = (args: Args, loaded: Loaded, contractId = '2961458871234567001') => html`
  <qys-signing-frame
    auto-open
    .host=${loaded.host}
    service-id=${loaded.serviceId}
    contract-id=${contractId}
    page=${args.page}
    lang=${args.lang}
    theme=${args.theme ?? nothing}
    style="--qys-signing-frame-height: 360px"
  ></qys-signing-frame>
`;

const story = (options: StoryHostOptions = {}, extra: Partial<StoryObj<Args>> = {}): StoryObj<Args> => ({
  args: { lang: 'zh-CN', page: 'sign' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    page: { control: 'inline-radio', options: ['sign', 'view'] },
  },
  loaders: [async () => storyHost(options)],
  render: (args, { loaded }) => frame(args, loaded as Loaded),
  ...extra,
});

/** Normal: the signing page in the frame (press 签署 / 拒签 / 取消 / 模拟过期 in it). */
export const Signing = story();

/** The same in English. */
export const SigningEnglish: StoryObj<Args> = { ...story(), args: { lang: 'en', page: 'sign' } };

/** Signed: the return page reported 签署, and the host's contract state is shown when it disagrees. */
export const Signed = story({ auto: 'signed' });

export const Declined = story({ auto: 'declined' });

/** Slow host: the session request takes 3 s (the element says it is preparing the page). */
export const SlowHost = story({ latency: 3000 });

/** Error: the host could not be reached when asked for a signing URL (retry is offered). */
export const HostError = story({ failures: { 'signing.createSession': 'network' } });

/** Empty: no contract given — open() says what is missing. */
export const NoContract: StoryObj<Args> = {
  ...story(),
  render: (args, { loaded }) => {
    const el = document.createElement('qys-signing-frame');
    el.host = (loaded as Loaded).host;
    el.lang = args.lang;
    void el.open();
    return el;
  },
};

/** Blocked: the platform's embed whitelist (嵌入电子签平台页面白名单) does not list this page. */
export const BlockedWhitelist = story({
  signingAddress: 'https://qys-intranet.example.com',
  embedWhitelist: ['https://oa.example.com'],
});

/** Blocked: the internal signing address does not answer. */
export const BlockedUnreachable = story({ signingAddress: 'https://unreachable.invalid' });

/** Blocked: the session URL keeps arriving already expired (clock skew between OA and Qiyuesuo). */
export const BlockedExpired = story({ staleSessions: true });

/** Blocked: SSO failed twice — the platform showed its login page. */
export const BlockedLogin = story({ auto: 'login-required' });

/** Blocked: this page's CSP forbids framing the platform (the browser's violation event, replayed). */
export const BlockedCsp: StoryObj<Args> = {
  ...story(),
  render: (args, { loaded }) =>
    html`<div
      @qys-ready=${() =>
        document.dispatchEvent(
          new SecurityPolicyViolationEvent('securitypolicyviolation', {
            blockedURI: location.origin,
            effectiveDirective: 'frame-src',
            violatedDirective: 'frame-src',
            originalPolicy: "frame-src 'self' https://qys.example.com",
            disposition: 'enforce',
            documentURI: location.href,
            statusCode: 200,
          }),
        )}
    >
      ${frame(args, loaded as Loaded)}
    </div>`,
};

/** The element as on an https page, framing an http platform. */
class HttpsPageSigningFrame extends QysSigningFrame {
  protected override get pageUrl() {
    return 'https://oa.example.com/workflow';
  }
}
if (!customElements.get('story-https-signing-frame'))
  customElements.define('story-https-signing-frame', HttpsPageSigningFrame);

/** Blocked: https page, http signing platform (mixed content) — decided before asking for a session. */
export const BlockedMixedContent: StoryObj<Args> = {
  ...story({ signingAddress: 'http://qys.example.com:9180' }),
  render: (args, { loaded }) =>
    html`<story-https-signing-frame
      auto-open
      .host=${(loaded as Loaded).host}
      service-id=${(loaded as Loaded).serviceId}
      contract-id="2961458871234567001"
      lang=${args.lang}
    ></story-https-signing-frame>`,
};

/** The signed result panel in the dark theme (`theme="dark"`). */
export const Dark: StoryObj<Args> = { ...Signed, args: { ...Signed.args, theme: 'dark' } };
