/**
 * Renders every story of a stories module the way Storybook does (meta + story args, loaders, render)
 * and checks that it renders something and passes axe. Each `test/stories/<name>.stories.test.ts`
 * calls it, so every story proves it renders in CI (Storybook's a11y addon runs the same check in the UI).
 */
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';

type Args = Record<string, unknown>;
interface StoryLike {
  args?: Args;
  loaders?: ((ctx: { args: Args }) => unknown)[];
  render?: (
    args: Args,
    ctx: { args: Args; loaded: Record<string, unknown>; globals: Args },
  ) => TemplateResult | HTMLElement;
  parameters?: { storyTest?: { skip?: boolean; timeout?: number } };
}
type StoriesModule = { default: StoryLike & { component?: string; title?: string } } & Record<
  string,
  unknown
>;

// A timer, not requestAnimationFrame: a test page that is not in front gets no animation frames.
const nextFrame = () => new Promise((r) => setTimeout(r, 16));

async function settle(root: HTMLElement) {
  for (let i = 0; i < 5; i++) {
    const all = [root, ...root.querySelectorAll('*')];
    const shadowChildren = all.flatMap((e) => [...(e.shadowRoot?.querySelectorAll('*') ?? [])]);
    const pending = [...all, ...shadowChildren]
      .map((e) => (e as unknown as { updateComplete?: Promise<unknown> }).updateComplete)
      .filter(Boolean);
    await Promise.all(pending);
    await nextFrame();
  }
}

export function storiesSuite(mod: StoriesModule): void {
  const meta = mod.default;
  describe(`stories: ${meta.title ?? meta.component}`, () => {
    for (const [exportName, value] of Object.entries(mod)) {
      if (exportName === 'default' || typeof value !== 'object' || value === null) continue;
      const story = value as StoryLike;
      if (story.parameters?.storyTest?.skip) continue;
      // Each story twice: the light theme, then the dark one (theme="dark" on every qys element of the story, which
      // works in every engine; the prefers-color-scheme path sets the same tokens, see src/internal/tokens.styles.ts).
      for (const theme of ['light', 'dark'] as const)
        it(`${exportName} renders and is accessible${theme === 'dark' ? ' (dark theme)' : ''}`, async function () {
          this.timeout(story.parameters?.storyTest?.timeout ?? 30_000);
          const args = { ...(meta.args ?? {}), ...(story.args ?? {}) };
          const loaded: Record<string, unknown> = {};
          for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])])
            Object.assign(loaded, await loader({ args }));
          const renderFn = story.render ?? meta.render;
          const root = document.createElement('div');
          document.body.append(root);
          try {
            if (renderFn) {
              const out = renderFn(args, { args, loaded, globals: { lang: 'zh-CN' } });
              if (out instanceof HTMLElement) root.append(out);
              else render(out, root);
            } else if (meta.component) {
              const el = document.createElement(meta.component);
              Object.assign(el, args);
              root.append(el);
            }
            if (theme === 'dark')
              for (const el of root.querySelectorAll('*'))
                if (el.localName.startsWith('qys-')) el.setAttribute('theme', 'dark');
            await settle(root);
            expect(root.children.length, 'the story rendered nothing').to.be.greaterThan(0);
            await expect(root).to.be.accessible();
          } finally {
            render(null, root);
            root.remove();
          }
        });
    }
  });
}
