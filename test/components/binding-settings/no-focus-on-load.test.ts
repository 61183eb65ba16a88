import { expect, fixture, html } from '@open-wc/testing';
import { $, click, focused, mount, waitFor } from './helpers.js';
import { createTestHost, privateBinding } from './test-host.js';
import type { QysBindingSettings } from '../../../src/components/binding-settings/binding-settings.js';
import { loadFormView } from '../../../src/components/binding-settings/lazy.js';

// A page (or a Storybook docs page with many stories) that mounts the element with service-id must
// not have its focus taken (nor be scrolled to the form): the docs page opened 11,449 px down.
describe('<qys-binding-settings> opened by service-id', () => {
  it('does not take the focus nor scroll the page when the page opens a service on load', async function () {
    this.timeout(30000); // the whole browser suite runs on 2 cores
    // Not fixture(): for a plain element it waits for an animation frame, which a hidden page (two
    // test pages run at once) never gets.
    const wrap = document.createElement('div');
    wrap.innerHTML = '<button id="page-button">page</button><div style="height: 3000px"></div>';
    document.body.append(wrap);
    const pageButton = wrap.querySelector<HTMLButtonElement>('#page-button')!;
    pageButton.focus();
    window.scrollTo(0, 0);
    await loadFormView(); // as on a docs page, where an earlier story has loaded it
    // fixture() adds the element after the 3000 px block: far below the fold.
    const el = await fixture<QysBindingSettings>(
      html`<qys-binding-settings
        service-id=${privateBinding().id}
        .host=${createTestHost()}
      ></qys-binding-settings>`,
    );
    await waitFor(() => $(el, '#f-openApiUrl'));
    await new Promise((r) => setTimeout(r, 50));
    expect(focused(el), 'focus inside').to.not.equal('h2#form-title');
    expect(document.activeElement).to.equal(pageButton);
    expect(window.scrollY).to.equal(0);
    wrap.remove();
  });

  it('still moves the focus to the form title when the user opens a service from the list', async () => {
    const { el } = await mount();
    $<HTMLButtonElement>(el, `tr[data-id="${privateBinding().id}"] .edit`)!.focus();
    await click(el, `tr[data-id="${privateBinding().id}"] .edit`);
    await waitFor(() => focused(el) === 'h2#form-title');
  });
});
