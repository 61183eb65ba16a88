import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/browse-field/define.js';
import type { QysBrowseField } from '../../src/components/browse-field/browse-field.js';
import { registerTranslation, normalizeLang, loadLanguage } from '../../src/index.js';
import { browseFieldMessages } from '../../src/components/browse-field/browse-field.messages.js';
import { commonMessages } from '../../src/internal/common.messages.js';

// What <qys-browse-field kind="electronic-seal"> without a host shows: its 选择 button and the
// common "no data source" notice, i.e. one key of its own catalogue and one of the common one.
const shown = (el: QysBrowseField) => {
  const root = el.shadowRoot!;
  return {
    button: root.querySelector('button')?.textContent?.trim() ?? '',
    notice: root.querySelector('.notice')?.textContent?.trim() ?? '',
  };
};

describe('localisation: a page switches language at run time', () => {
  const docLang = document.documentElement.lang;
  after(() => {
    document.documentElement.lang = docLang;
  });

  it('switches among zh-CN, zh-TW and en (the document lang), and shows a language registered at run time', async () => {
    document.documentElement.lang = 'zh-CN';
    const el = await fixture<QysBrowseField>(
      html`<qys-browse-field kind="electronic-seal"></qys-browse-field>`,
    );
    expect(shown(el)).to.deep.equal({ button: '选择', notice: commonMessages['zh-CN'].noHost });

    // zh-TW arrives on demand: the element re-renders by itself when its strings land.
    document.documentElement.lang = 'zh-TW';
    await waitUntil(() => shown(el).button === '選擇', 'zh-TW strings never arrived', { timeout: 5000 });
    expect(shown(el).notice).to.equal(commonMessages['zh-TW']!.noHost);
    expect(shown(el).notice).to.contain('資料來源');

    document.documentElement.lang = 'en';
    await waitUntil(
      () => shown(el).button === 'Browse' || shown(el).button === browseFieldMessages.en?.browse,
    );
    expect(shown(el).notice).to.equal(commonMessages.en!.noHost);

    // zh-HK follows zh-TW; ja and ko keep zh-CN until registered.
    el.lang = 'zh-HK';
    await el.updateComplete;
    expect(shown(el).button).to.equal('選擇');
    el.lang = 'ja';
    await el.updateComplete;
    expect(shown(el).button).to.equal('选择');

    // Registering ja re-renders the mounted element; keys ja lacks fall back per key (to zh-CN).
    registerTranslation('ja', { browse: '選択' });
    await waitUntil(() => shown(el).button === '選択', 'registered ja not shown');
    expect(shown(el).notice).to.equal(commonMessages['zh-CN'].noHost);
    el.lang = 'ja-JP'; // a registered language also takes its regional tags
    await el.updateComplete;
    expect(shown(el).button).to.equal('選択');

    // A language may fall back to another one; a shipped language's strings can be overridden.
    registerTranslation('ko', { noHost: '데이터 소스가 없습니다' }, { fallback: 'en' });
    el.lang = 'ko';
    await el.updateComplete;
    expect(shown(el)).to.deep.equal({
      button: browseFieldMessages.en!.browse,
      notice: '데이터 소스가 없습니다',
    });
    registerTranslation('zh-CN', { browse: '挑选' });
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(shown(el).button).to.equal('挑选');
    registerTranslation('zh-CN', { browse: undefined }); // takes the override back
    await waitUntil(() => shown(el).button === '选择');

    // '<element>:<key>' changes one element's text: keys such as title or noHost are in several.
    registerTranslation('zh-CN', {
      'integration-checklist:noHost': '清单没有数据源',
      'browse-field:browse': '选印章',
    });
    await waitUntil(() => shown(el).button === '选印章');
    expect(shown(el).notice).to.equal(commonMessages['zh-CN'].noHost);
    registerTranslation('zh-CN', { 'browse-field:noHost': '此字段没有数据源' });
    await waitUntil(() => shown(el).notice === '此字段没有数据源');
  });

  it('maps language tags: zh-Hant / zh-HK / zh-MO → zh-TW, others keep their fallback unless registered', async () => {
    for (const t of ['zh-TW', 'zh-Hant', 'zh-hant-tw', 'zh-HK', 'zh-MO', 'zh_TW'])
      expect(normalizeLang(t), t).to.equal('zh-TW');
    for (const t of ['zh', 'zh-CN', 'zh-Hans', 'zh-SG', '', 'fr', 'de-DE'])
      expect(normalizeLang(t), t).to.equal('zh-CN');
    expect(normalizeLang('en-GB')).to.equal('en');
    await loadLanguage('zh-TW');
    expect(browseFieldMessages['zh-TW']?.browse).to.equal('選擇');
  });

  it('types the keys: a misspelt key is a compile error (checked by tsc, never run)', () => {
    const typo = () =>
      registerTranslation('ja', {
        // @ts-expect-error 'browze' is not a message key
        browze: '選択',
      });
    expect(typo).to.be.a('function');
  });

  it('refuses a registration that is not a language tag, with a message', () => {
    expect(() => registerTranslation('not a tag!', {})).to.throw(TypeError, /language tag/);
  });
});
