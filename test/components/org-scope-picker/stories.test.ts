import { expect, fixture, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import * as stories from '../../../stories/org-scope-picker.stories.js';

/** Every story renders a working picker (the large org is left to the bench and its own story). */
describe('org-scope-picker stories', () => {
  for (const [name, story] of Object.entries(stories)) {
    if (name === 'default' || name === 'LargeOrg') continue;
    it(`${name} renders`, async () => {
      const s = story as { render: (a: unknown) => unknown; args?: unknown };
      const box = await fixture<HTMLDivElement>(document.createElement('div'));
      render(s.render(s.args ?? {}) as never, box);
      const el = box.querySelector('qys-org-scope-picker')!;
      expect(el).to.not.equal(null);
      await waitUntil(
        () => el.shadowRoot?.querySelector('[role=treeitem], [part=status], [part=error]'),
        'content',
        { timeout: 5000 },
      );
      if (name === 'Empty')
        await waitUntil(() => el.shadowRoot!.textContent!.includes('组织中暂无数据'), 'empty text', {
          timeout: 3000,
        });
      if (name === 'FailingHost')
        await waitUntil(() => el.shadowRoot!.querySelector('[part=error] [part=retry]'), 'retry', {
          timeout: 3000,
        });
    });
  }
});
