import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from '../../../stories/binding-settings.stories.js';
import type { QysBindingSettings } from '../../../src/components/binding-settings/binding-settings.js';
import { waitFor } from './helpers.js';

type Story = {
  render: (args: object) => TemplateResult;
  args?: object;
  play?: (ctx: { canvasElement: HTMLElement }) => Promise<void>;
};

// Every story renders on the memory host and its play function runs to the state it names.
const expected: Record<string, (el: QysBindingSettings) => boolean> = {
  List: (el) => !!el.shadowRoot!.querySelector('tbody tr'),
  Empty: (el) => /还没有服务配置/.test(el.shadowRoot!.textContent!),
  EditingPrivate: (el) => !!el.shadowRoot!.querySelector('#f-openApiUrl'),
  EditingPublic: (el) => !!el.shadowRoot!.querySelector('#f-e10Url'),
  ValidationErrors: (el) => !!el.shadowRoot!.querySelector('#summary'),
  Conflict: (el) => !!el.shadowRoot!.querySelector('dialog.conflict'),
  SyncInProgress: (el) => !!el.shadowRoot!.querySelector('[role="progressbar"]'),
  SyncFailed: (el) => !!el.shadowRoot!.querySelector('#sync-error'),
  SlowHost: (el) => /加载中/.test(el.shadowRoot!.textContent!),
  FailingHost: (el) => /服务列表加载失败/.test(el.shadowRoot!.textContent!),
  LargeOrg: (el) => !!el.shadowRoot!.querySelector('qys-org-scope-picker'),
  Readonly: (el) => !el.shadowRoot!.querySelector('.add') && !!el.shadowRoot!.querySelector('tbody tr'),
  English: (el) => /Qiyuesuo open-platform address/.test(el.shadowRoot!.textContent!),
};

describe('binding-settings stories', () => {
  for (const [name, check] of Object.entries(expected))
    it(`${name} reaches its state`, async function () {
      this.timeout(30_000);
      const story = (stories as unknown as Record<string, Story>)[name]!;
      const canvas = await fixture<HTMLElement>(story.render(story.args ?? {}));
      const wrapper = canvas.parentElement!;
      const el = wrapper.querySelector('qys-binding-settings') as QysBindingSettings;
      await story.play?.({ canvasElement: wrapper });
      await waitFor(() => check(el), `${name} did not reach its state`);
      expect(check(el)).to.equal(true);
    });
});
