import { expect, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as stories from '../../../stories/browse-field.stories.js';
import type { QysBrowseField } from '../../../src/components/browse-field/browse-field.js';

interface StoryLike {
  args: Record<string, unknown>;
  loaders: ((ctx: { args: Record<string, unknown> }) => Promise<Record<string, unknown>>)[];
  render: (args: Record<string, unknown>, ctx: { loaded: Record<string, unknown> }) => TemplateResult;
}

// Every story renders a working, accessible field (what Storybook's a11y addon checks too).
describe('browse-field stories', function () {
  this.timeout(30_000);
  for (const [name, story] of Object.entries(stories)) {
    if (name === 'default') continue;
    it(name, async () => {
      const s = story as unknown as StoryLike;
      const loaded = Object.assign({}, ...(await Promise.all(s.loaders.map((l) => l({ args: s.args })))));
      // Rendered by hand: open-wc's fixture waits for an animation frame on a non-Lit root (the
      // story's <form>), which a background test page never gets.
      const root = document.createElement('div');
      document.body.append(root);
      after(() => root.remove());
      render(s.render(s.args, { loaded }), root);
      const el = root.querySelector('qys-browse-field') as QysBrowseField;
      await el.updateComplete;
      // Stored IDs are resolved (or the failure is shown) before checking.
      await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'still resolving', {
        timeout: 8000,
      });
      if (name.startsWith('Disabled') && name !== 'Disabled') {
        // A stored value that became 停用 is kept and flagged in words.
        await waitUntil(() => el.shadowRoot!.querySelector('[part~="tag-disabled"]'), 'no 停用 tag', {
          timeout: 8000,
        });
        const tag = el.shadowRoot!.querySelector('[part~="tag-disabled"]');
        expect(tag!.textContent).to.contain('已停用');
      }
      if (s.args.readonly) expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      else expect(el.shadowRoot!.querySelector('[part~="browse"]')).to.not.equal(null);
      await expect(root).to.be.accessible();
    });
  }
});
