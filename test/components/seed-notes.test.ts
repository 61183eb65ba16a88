import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/integration-checklist/define.js';
import type { QysIntegrationChecklist } from '../../src/components/integration-checklist/integration-checklist.js';
import type { QysBindingSettings } from '../../src/components/binding-settings/binding-settings.js';
import { createMemoryHost } from '../../src/api/memory-host/index.js';
import { loadLanguage } from '../../src/internal/i18n.js';
import { $, click, mount, waitFor } from './binding-settings/helpers.js';
import { privateBinding } from './binding-settings/test-host.js';

// Issue 18 item 4: three notes of the product manuals (seeds) that the elements did not show.
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;

async function editPrivate(el: QysBindingSettings) {
  await click(el, `tr[data-id="${privateBinding().id}"] .edit`);
  await waitFor(() => $(el, '#f-openApiUrl'));
}

describe('seed notes shown in the elements (zh-CN, zh-TW, en)', () => {
  before(() => loadLanguage('zh-TW'));

  it('scope panel: an E9 → E10 upgrade keeps the sync scope (seed 001 §4.2), read with the panel', async () => {
    const expected = {
      'zh-CN': ['从 E9 升级到 E10', '原有的同步范围会保留'],
      'zh-TW': ['從 E9 升級到 E10', '原有的同步範圍會保留'],
      en: ['Upgrading from E9 to E10', 'sync scope already set carries over'],
    };
    for (const lang of LANGS) {
      const { el } = await mount({ lang });
      await editPrivate(el);
      await waitFor(() => $(el, '#org-e9-upgrade'));
      const note = $(el, '#org-e9-upgrade')!;
      for (const part of expected[lang]) expect(squash(note.textContent), lang).to.contain(part);
      // The picker of the panel is described by the note as well as by the hint.
      const picker = $(el, '[aria-describedby~="org-e9-upgrade"]');
      expect(picker, `${lang}: the scope picker is not described by the note`).to.not.equal(null);
    }
  });

  it('signatories field: what 签章人员 unlocks (个人中心 / 组织信息 / 组织印章, seed 000 §10), one click away', async () => {
    const expected = {
      'zh-CN': ['签章人员可以做什么？', '个人中心', '组织信息', '组织印章', '默认服务'],
      'zh-TW': ['簽章人員可以做什麼？', '個人中心', '組織資訊', '組織印章', '預設服務'],
      en: [
        'What can signatories do?',
        'Personal center',
        'Organisation information',
        'Organisation seals',
        'default service',
      ],
    };
    for (const lang of LANGS) {
      const { el } = await mount({ lang });
      await editPrivate(el);
      const field = $(el, '[data-field="signatories"]')!;
      const more = field.querySelector('details.more') as HTMLDetailsElement;
      expect(more, lang).to.not.equal(null);
      expect(more.open).to.equal(false);
      (more.querySelector('summary') as HTMLElement).click();
      expect(more.open).to.equal(true);
      for (const part of expected[lang]) expect(squash(more.textContent), lang).to.contain(part);
    }
  });

  it('checklist: add the Qiyuesuo server to the OA’s own whitelist (seed 003 注2), in the sync section', async () => {
    const expected = {
      'zh-CN': ['OA 白名单', '契约锁服务地址加入 OA 的白名单'],
      'zh-TW': ['OA 白名單', '契約鎖服務地址加入 OA 的白名單'],
      en: ['OA whitelist', 'Qiyuesuo server’s address to the OA’s own whitelist'],
    };
    const host = createMemoryHost();
    const b = (await host.services.list()).find((x) => x.serviceType === 'private')!;
    for (const lang of LANGS) {
      const el = await fixture<QysIntegrationChecklist>(
        html`<qys-integration-checklist
          lang=${lang}
          .host=${host}
          service-id=${b.id}
          oa-url="https://oa.example.com"
        ></qys-integration-checklist>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('.item'), 'no items');
      const item = [...el.shadowRoot!.querySelectorAll('.item')].find((i) =>
        squash(i.textContent).startsWith(expected[lang][0]!),
      );
      expect(item, `${lang}: no whitelist item`).to.not.equal(undefined);
      expect(squash(item!.textContent), lang).to.contain(expected[lang][1]!);
    }
  });
});
