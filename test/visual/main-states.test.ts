/**
 * Screenshot tests of the main states at 1024, 1280 and 1920 px, compared with the committed PNGs in
 * test/visual/screenshots/Chrome/baseline/ (tolerance: web-test-runner.config.mjs, visualRegressionPlugin).
 *
 * Chromium only: fonts, anti-aliasing and native controls differ by engine (and by machine), so a baseline of one
 * engine says nothing about another. The Firefox and WebKit configs leave this folder out (`!test/visual/**`).
 * The baselines were made on the project's CI-like machine (Debian, Debian's Chromium and fonts).
 *
 * After an intended change of the look: `npm run test:visual -- --update-visual-baseline`, look at the new PNGs
 * and commit them. A failed comparison writes the new image and a diff to .tmp/visual/ (git-ignored).
 *
 * Besides the images, two layout facts are asserted directly (they do not depend on the font): at 1024 px, beside a
 * 220 px navigation column as on an E10 admin page, the 重新生成 button stays on the line of the 加密密钥 field, and a
 * radio has a gap before its label.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { render, type TemplateResult } from 'lit';
import '../../src/all.js';
import * as bindingStories from '../../stories/binding-settings.stories.js';
import * as pickerStories from '../../stories/org-scope-picker.stories.js';
import * as browseStories from '../../stories/browse-field.stories.js';
import * as checklistStories from '../../stories/integration-checklist.stories.js';
import { act, contract, frameFor, setup, waitFor } from '../components/signing-frame/helpers.js';

type Args = Record<string, unknown>;
interface StoryLike {
  args?: Args;
  loaders?: ((ctx: { args: Args }) => unknown)[];
  render?: (args: Args, ctx: { args: Args; loaded: Record<string, unknown>; globals: Args }) => unknown;
}
interface Mod {
  default: StoryLike;
  [k: string]: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (cond: () => unknown, ms = 15_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timeout waiting for the state to screenshot');
    await sleep(30);
  }
};
const deep = (root: Element | ShadowRoot, sel: string): HTMLElement | null => {
  const hit = root.querySelector<HTMLElement>(sel);
  if (hit) return hit;
  for (const e of root.querySelectorAll('*')) {
    const found = e.shadowRoot && deep(e.shadowRoot, sel);
    if (found) return found;
  }
  return null;
};

/** Renders one story the way Storybook does (meta + story args, loaders, render) into a fresh container. */
async function mountStory(mod: Mod, name: string, o: { sidebar?: boolean } = {}): Promise<HTMLElement> {
  const meta = mod.default;
  const story = mod[name] as StoryLike;
  const args = { ...(meta.args ?? {}), ...(story.args ?? {}) };
  const loaded: Record<string, unknown> = {};
  for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])])
    Object.assign(loaded, await loader({ args }));
  const root = document.createElement('div');
  root.style.padding = '16px';
  // An admin page of E10 (and the demo page) keeps a ~220 px navigation column on the left of the content.
  if (o.sidebar) root.style.marginInlineStart = '220px';
  document.body.append(root);
  const out = (story.render ?? meta.render)!(args, { args, loaded, globals: { lang: 'zh-CN' } });
  if (out instanceof HTMLElement) root.append(out);
  else render(out as TemplateResult, root);
  return root;
}

/** Waits until nothing changes any more: updates done, no loading text, layout stable over three frames. */
async function settle(root: HTMLElement) {
  let last = '';
  for (let stable = 0; stable < 3;) {
    await sleep(60);
    const all = [root, ...root.querySelectorAll('*')];
    await Promise.all(
      all.map((e) => (e as unknown as { updateComplete?: Promise<unknown> }).updateComplete).filter(Boolean),
    );
    const r = root.getBoundingClientRect();
    const now = `${r.width}x${r.height}:${root.innerHTML.length}`;
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  // No caret or focus ring in the picture (they blink or depend on timing).
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  (a as HTMLElement | null)?.blur?.();
  await sleep(60);
}

/** Long pages are compared over their first 900 px (the window's height): smaller images, the same checks. */
function aboveTheFold(root: HTMLElement): HTMLElement {
  root.style.blockSize = '900px';
  root.style.overflow = 'hidden';
  return root;
}

const WIDTHS = [1024, 1280, 1920];
const mounted: HTMLElement[] = [];

describe('screenshots of the main states (Chromium)', function () {
  this.timeout(60_000);
  afterEach(() => {
    for (const m of mounted.splice(0)) {
      render(null, m);
      m.remove();
    }
  });
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of WIDTHS) {
    describe(`${width} px`, () => {
      before(() => setViewport({ width, height: 900 }));

      it('binding settings: the edit form', async () => {
        const root = await mountStory(bindingStories as Mod, 'EditingPrivate', { sidebar: true });
        mounted.push(root);
        await until(() => deep(root, '.regen-key'));
        await settle(root);
        const regen = deep(root, '.regen-key')!;
        const input = regen.parentElement!.querySelector('input')!;
        // 重新生成 stays on the field's line (it wrapped to its own line at 1024 px).
        expect(Math.abs(regen.getBoundingClientRect().top - input.getBoundingClientRect().top)).to.be.below(
          8,
          '重新生成 on the line of its field',
        );
        // A radio and its label text do not touch.
        const radio = deep(root, 'input[type=radio]')!;
        const label = radio.closest('label')!;
        const range = document.createRange();
        range.selectNodeContents(label);
        range.setStartAfter(radio);
        expect(range.getBoundingClientRect().left - radio.getBoundingClientRect().right).to.be.at.least(4);
        await visualDiff(aboveTheFold(root), `binding-settings-form-${width}`);
      });

      it('org scope picker: a small org', async () => {
        const root = await mountStory(pickerStories as Mod, 'SmallOrg');
        mounted.push(root);
        await until(() => deep(root, '[role=treeitem]'));
        await settle(root);
        await visualDiff(root, `org-scope-picker-${width}`);
      });

      it('browse field: the 电子印章 dialog', async () => {
        const root = await mountStory(browseStories as Mod, 'ElectronicSeal');
        mounted.push(root);
        const field = root.querySelector('qys-browse-field') as HTMLElement & { openDialog(): Promise<void> };
        await until(() => (field as unknown as { updateComplete?: unknown }).updateComplete);
        await field.openDialog();
        await until(() => deep(root, '[role=option], [role=gridcell]'));
        await settle(root);
        await visualDiff(field.shadowRoot!.querySelector('dialog')!, `browse-field-dialog-${width}`);
      });

      it('integration checklist', async () => {
        const root = await mountStory(checklistStories as Mod, 'Private');
        mounted.push(root);
        await until(() => deep(root, 'h2'));
        await settle(root);
        await visualDiff(aboveTheFold(root), `integration-checklist-${width}`);
      });

      it('signing frame: the signed result panel', async () => {
        // Signed for real against the Qiyuesuo simulator (as in test/components/signing-frame).
        const r = await setup(`visual-${width}`);
        const el = await frameFor(r, await contract(r.scope), { lang: 'zh-CN' });
        const ready = waitFor(el, 'qys-ready');
        await el.open();
        await ready;
        const signed = waitFor(el, 'qys-signed');
        await act(el, 'sign');
        await signed;
        await until(() => el.shadowRoot!.querySelector('[data-outcome=signed]'));
        await settle(el.parentElement!);
        await visualDiff(el, `signing-result-signed-${width}`);
      });
    });
  }
});
