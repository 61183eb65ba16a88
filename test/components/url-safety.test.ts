// Every element, fed hostile URLs by its QysHost (a page's own host object, not the schema-checked
// createHttpHost): nothing but an absolute http(s) URL (or, for seal images, a data:image URL) may
// reach src / href / window.open, and where a host URL was refused the element fires qys-error with
// the reason and shows it in zh-CN / en. The DOM scan walks every shadow root.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/signing-frame/define.js';
import '../../src/components/browse-field/define.js';
import '../../src/components/integration-checklist/define.js';
import '../../src/components/binding-settings/define.js';
import '../../src/components/network-strategy-editor/define.js';
import '../../src/components/org-scope-picker/define.js';
import '../../src/components/host-provider/define.js';
import { createMemoryHost } from '../../src/api/memory-host/index.js';
import type { QysHost } from '../../src/api/host.js';
import type { Binding, Resource } from '../../src/api/schemas.js';
import { QysUnsafeUrlError } from '../../src/api/errors.js';
import type { QysSigningFrame } from '../../src/components/signing-frame/signing-frame.js';

declare global {
  interface Window {
    __qysPwned?: unknown;
  }
}

/** [hostile URL, the code it must be refused with]. The payloads set window.__qysPwned if they ever run. */
const HOSTILE: [string, string][] = [
  ['javascript:window.__qysPwned=1', 'url.unsafeScheme'],
  ['javascript:opener.__qysPwned=1', 'url.unsafeScheme'],
  [' javascript:parent.__qysPwned=2', 'url.unsafeScheme'],
  ['java\tscript:parent.__qysPwned=3', 'url.unsafeScheme'],
  ['JAVASCRIPT:parent.__qysPwned=4', 'url.unsafeScheme'],
  ['data:text/html,<script>parent.__qysPwned=5</script>', 'url.unsafeScheme'],
  ['vbscript:msgbox(1)', 'url.unsafeScheme'],
  ['blob:http://127.0.0.1/00000000-0000-0000-0000-000000000000', 'url.unsafeScheme'],
  ['/relative/junk', 'url.notAbsolute'],
];

const until = (cond: () => unknown, message?: string) =>
  waitUntil(cond, message, { timeout: 8000, interval: 10 });

const SINK_ATTRS = ['src', 'href', 'srcdoc', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'ping'];

/** Every URL-bearing attribute value in `root` and all shadow roots below it, and every CSS url(). */
function sinkValues(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n instanceof Element) {
      for (const a of SINK_ATTRS) {
        const v = n.getAttribute(a);
        if (v !== null) out.push(v);
      }
      const style = n.getAttribute('style') ?? '';
      for (const m of style.matchAll(/url\(([^)]*)\)/g)) out.push(m[1]!);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    for (const c of n.childNodes) walk(c);
  };
  walk(root);
  return out;
}

/** Values that are not http(s), a fragment, a same-page blob: image, or a data:image URL. */
function hostileSinks(root: Node): string[] {
  return sinkValues(root).filter((v) => {
    const bare = v.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
    if (bare.startsWith('#') || bare === '') return false;
    if (bare.startsWith(`blob:${location.origin}/`)) return false;
    if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/.test(bare)) return false;
    if (/^https?:\/\//.test(bare)) return !HOSTILE.every(([h]) => !v.includes(h));
    return true;
  });
}

function collectErrors(el: EventTarget): CustomEvent<{ error: Error; code: string }>[] {
  const seen: CustomEvent<{ error: Error; code: string }>[] = [];
  el.addEventListener('qys-error', (e) => seen.push(e as CustomEvent<{ error: Error; code: string }>));
  return seen;
}

beforeEach(() => {
  delete window.__qysPwned;
});
afterEach(() => {
  expect(window.__qysPwned, 'a hostile URL ran script in the page').to.equal(undefined);
});

describe('URL safety: <qys-signing-frame>', () => {
  const withSessionUrl = (url: string): QysHost => {
    const mem = createMemoryHost({ latency: 0 });
    return {
      ...mem,
      signing: {
        ...mem.signing,
        createSession: async (req, o) => ({ ...(await mem.signing.createSession(req, o)), url }),
      },
    };
  };

  for (const [url, code] of HOSTILE) {
    it(`frame: ${JSON.stringify(url)} never becomes the iframe src; error state and qys-error ${code}`, async () => {
      const el = await fixture<QysSigningFrame>(
        html`<qys-signing-frame
          .host=${withSessionUrl(url)}
          contract-id="c-url-1"
          lang="en"
        ></qys-signing-frame>`,
      );
      const errors = collectErrors(el);
      await el.open();
      await until(() => el.state === 'error', `state ${el.state}`);
      // The problem panel (hidden in the frame's skeleton) is filled once its on-demand chunk is there: wait for its
      // text (a fixed 50 ms was too short on a loaded machine).
      await until(
        () => el.shadowRoot!.querySelector('[part=problem-title]')?.textContent,
        'the problem panel',
      );
      await aTimeout(50);
      // No frame with a src (a hidden blank one, made at idle for the next session, may be there).
      expect(el.shadowRoot!.querySelector('iframe[src]')).to.equal(null);
      expect([...el.shadowRoot!.querySelectorAll('iframe')].every((f) => f.hidden)).to.equal(true);
      expect(hostileSinks(el)).to.deep.equal([]);
      expect(errors.map((e) => e.detail.code)).to.deep.equal([code]);
      expect(errors[0]!.detail.error).to.be.instanceOf(QysUnsafeUrlError);
      expect(el.shadowRoot!.querySelector('[part=problem-title]')!.textContent).to.contain(
        'not a valid http(s) address',
      );
    });
  }

  it('popup: the window opened for the session is closed and never navigated to the hostile URL', async () => {
    const opened: (Window | null)[] = [];
    const realOpen = window.open;
    window.open = function (...args: Parameters<typeof window.open>) {
      const w = realOpen.apply(window, args);
      opened.push(w);
      return w;
    };
    try {
      const el = await fixture<QysSigningFrame>(
        html`<qys-signing-frame
          .host=${withSessionUrl('javascript:opener.__qysPwned=1')}
          contract-id="c-url-2"
        ></qys-signing-frame>`,
      );
      const errors = collectErrors(el);
      // From a real key press, as from a button: without a user gesture WebKit (like Safari) blocks the popup.
      const opener = document.createElement('button');
      opener.textContent = 'sign in a new window';
      opener.addEventListener('click', () => void el.openInWindow());
      document.body.append(opener);
      opener.focus();
      await sendKeys({ press: 'Enter' });
      opener.remove();
      expect(opened[0], 'the window opened').to.not.equal(null);
      await until(() => el.state === 'error', `state ${el.state}`);
      await aTimeout(100);
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['url.unsafeScheme']);
      expect(opened.length).to.equal(1);
      expect(opened[0]?.closed ?? true, 'popup closed').to.equal(true);
      expect(el.shadowRoot!.querySelector('[part=problem-title]')!.textContent).to.contain('http(s)');
    } finally {
      window.open = realOpen;
    }
  });

  it('a good http(s) session URL still loads (the gate lets it through)', async () => {
    const el = await fixture<QysSigningFrame>(
      html`<qys-signing-frame
        .host=${withSessionUrl(`${location.origin}/__qys/env`)}
        contract-id="c-url-3"
      ></qys-signing-frame>`,
    );
    const errors = collectErrors(el);
    await el.open();
    await until(() => el.shadowRoot!.querySelector('iframe[src]'), 'no iframe');
    expect(el.shadowRoot!.querySelector('iframe[src]')!.getAttribute('src')).to.equal(
      `${location.origin}/__qys/env`,
    );
    expect(errors).to.deep.equal([]);
  });
});

describe('URL safety: <qys-browse-field> seal images', () => {
  const withImages = (images: string[]): QysHost => {
    const mem = createMemoryHost({ latency: 0 });
    const swap = (items: Resource[]) => items.map((r, i) => ({ ...r, image: images[i % images.length]! }));
    return {
      ...mem,
      resources: {
        ...mem.resources,
        list: async (kind, o) => {
          const page = await mem.resources.list(kind, o);
          return { ...page, items: swap(page.items) };
        },
        resolve: async (kind, ids, o) => {
          const r = await mem.resources.resolve(kind, ids, o);
          return { ...r, items: swap(r.items) };
        },
      },
    };
  };

  it('hostile image URLs never reach <img src> in the tags or the grid; one qys-error per URL, a notice in zh-CN', async () => {
    const mem = createMemoryHost({ latency: 0 });
    const ids = (await mem.resources.list('electronic-seal', { limit: 3 })).items.map((r) => r.id);
    // A real 1×1 PNG: a broken image would switch the field to data: URLs for good (CSP fallback).
    const good =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const images = [...HOSTILE.map(([u]) => u), good];
    const host = withImages(images);
    const el = await fixture<HTMLElement & { value: string[] }>(
      html`<qys-browse-field kind="electronic-seal" .host=${host} .value=${ids}></qys-browse-field>`,
    );
    const errors = collectErrors(el);
    await until(() => el.shadowRoot!.querySelectorAll('.tag').length === ids.length, 'tags');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="browse"]')!.click();
    await until(
      () => el.shadowRoot!.querySelectorAll('[role="gridcell"]:not([aria-busy])').length >= images.length,
      'grid',
    );
    await aTimeout(50);
    expect(hostileSinks(el)).to.deep.equal([]);
    const imgs = [...el.shadowRoot!.querySelectorAll('img')].map((i) => i.getAttribute('src') ?? '');
    expect(imgs.length, 'the good data:image still shows').to.be.greaterThan(0);
    const codes = new Set(errors.map((e) => e.detail.code));
    expect([...codes].sort()).to.deep.equal(['url.notAbsolute', 'url.unsafeScheme']);
    expect(errors.length, 'one event per refused URL').to.equal(HOSTILE.length);
    expect(errors.every((e) => e.detail.error instanceof QysUnsafeUrlError)).to.equal(true);
    const notices = [...el.shadowRoot!.querySelectorAll('[role=alert]')].map((n) => n.textContent ?? '');
    expect(notices.some((t) => t.includes('印章图片'))).to.equal(true);
  });
});

describe('URL safety: <qys-browse-field> SVG seal images', () => {
  it('an SVG that could script stays a data: URL (never a blob: document of this origin); a plain one becomes blob:', async () => {
    const mem = createMemoryHost({ latency: 0 });
    const svg = (body: string) =>
      `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`)}`;
    const active = [
      svg('<script>parent.__qysPwned=1</script>'),
      svg('<circle r="5" onload="parent.__qysPwned=1"/>'),
      svg('<a href="javascript:parent.__qysPwned=1"><circle r="5"/></a>'),
      svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
    ];
    const plain = svg('<defs><path id="p" d="M0 0"/></defs><textPath href="#p">章</textPath><circle r="4"/>');
    const images = [...active, plain];
    const host: QysHost = {
      ...mem,
      resources: {
        ...mem.resources,
        list: async (kind, o) => {
          const page = await mem.resources.list(kind, o);
          return { ...page, items: page.items.map((r, i) => ({ ...r, image: images[i % images.length]! })) };
        },
      },
    };
    const el = await fixture<HTMLElement>(
      html`<qys-browse-field kind="electronic-seal" .host=${host}></qys-browse-field>`,
    );
    el.shadowRoot!.querySelector<HTMLElement>('[part~="browse"]')!.click();
    // Cell images get their src after the frame that paints the cells: wait for the cells, then for their sources.
    const imgs = () => [...el.shadowRoot!.querySelectorAll('[role="gridcell"] img')];
    await until(
      () => imgs().length >= images.length && imgs().every((i) => i.getAttribute('src')),
      'grid with its images',
    );
    const srcs = [...el.shadowRoot!.querySelectorAll('[role="gridcell"] img')].map((i) =>
      i.getAttribute('src')!,
    );
    for (const a of active) expect(srcs, a).to.include(a);
    expect(
      srcs.some((s) => s.startsWith('blob:')),
      'the plain SVG is served as blob:',
    ).to.equal(true);
    expect(srcs).not.to.include(plain);
  });
});

describe('URL safety: <qys-integration-checklist>', () => {
  it('a hostile signing address or OA address from the host is not used; qys-error and the reason are shown', async () => {
    const mem = createMemoryHost({ latency: 0 });
    const services = await mem.services.list();
    const priv = services.find((s) => s.serviceType === 'private')!;
    const inspected: string[] = [];
    const host: QysHost = {
      ...mem,
      services: {
        ...mem.services,
        get: async (id, o) =>
          ({
            ...(await mem.services.get(id, o)),
            signingUrlExternal: 'javascript:parent.__qysPwned=1',
            signingUrlInternal: ' java\tscript:parent.__qysPwned=2',
            autoLogin: { mode: 'domain', segmentRules: [], domainRules: ['oa.example.com'] },
          }) as Binding,
      },
      client: {
        ...mem.client,
        context: async (o) => ({
          ...(await mem.client.context(o)),
          oaBaseUrl: 'javascript:parent.__qysPwned=3',
        }),
        inspectFraming: async (url, o) => {
          inspected.push(url);
          return mem.client.inspectFraming!(url, o);
        },
      },
    };
    // Listening before the element exists: with lang="en" its first update waits for the English
    // strings, and the host may already have answered (and an error fired) when fixture() resolves.
    const errors = collectErrors(document);
    const el = await fixture<HTMLElement>(
      html`<qys-integration-checklist
        .host=${host}
        service-id=${priv.id}
        lang="en"
      ></qys-integration-checklist>`,
    );
    await until(
      () =>
        [...el.shadowRoot!.querySelectorAll('[part~=check]')].some((c) =>
          /not http/.test(c.textContent ?? ''),
        ),
      'framing checks',
    );
    await aTimeout(100);
    expect(hostileSinks(el)).to.deep.equal([]);
    expect(inspected, 'no hostile URL sent for inspection').to.deep.equal([]);
    expect(errors.map((e) => e.detail.code).sort()).to.deep.equal([
      'url.unsafeScheme',
      'url.unsafeScheme',
      'url.unsafeScheme',
    ]);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=url]')!;
    expect(input.value, 'the hostile OA address is not put in the field').not.to.contain('script');
    expect(el.shadowRoot!.textContent).to.contain('not http:// or https://');
  });
});

describe('URL safety: elements with no host URL sink', () => {
  // Hostile URLs wherever the host can put one; these elements show them, if at all, as text or
  // in a form field, never in a src / href.
  function hostileHost(): QysHost {
    const mem = createMemoryHost({ latency: 0 });
    const poison = (b: Binding): Binding =>
      (b.serviceType === 'private'
        ? {
            ...b,
            openApiUrl: 'javascript:parent.__qysPwned=1',
            signingUrlExternal: 'javascript:parent.__qysPwned=2',
            signingUrlInternal: 'data:text/html,<script>parent.__qysPwned=3</script>',
          }
        : { ...b, e10Url: 'javascript:parent.__qysPwned=4' }) as Binding;
    return {
      ...mem,
      services: {
        ...mem.services,
        list: async (o) => (await mem.services.list(o)).map(poison),
        get: async (id, o) => poison(await mem.services.get(id, o)),
      },
      client: {
        ...mem.client,
        context: async (o) => ({
          ...(await mem.client.context(o)),
          oaBaseUrl: 'javascript:parent.__qysPwned=5',
        }),
      },
    };
  }

  for (const tag of ['qys-binding-settings', 'qys-network-strategy-editor', 'qys-org-scope-picker']) {
    it(`<${tag}>: nothing hostile in any src / href`, async () => {
      const host = hostileHost();
      const provider = await fixture<HTMLElement & { host: QysHost }>(
        html`<qys-host-provider .host=${host}></qys-host-provider>`,
      );
      const el = document.createElement(tag);
      el.setAttribute('lang', 'en');
      provider.append(el);
      await until(() => el.shadowRoot && el.shadowRoot.childNodes.length > 0, 'rendered');
      await aTimeout(500); // lazy views and host answers
      expect(hostileSinks(provider)).to.deep.equal([]);
    });
  }
});
