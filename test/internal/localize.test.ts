import { expect } from '@open-wc/testing';
import { translate } from '../../src/internal/localize.js';
import { formatAgo } from '../../src/internal/icu.js';
import { loadLanguage } from '../../src/internal/i18n.js';
import { orgScopePickerMessages } from '../../src/components/org-scope-picker/org-scope-picker.messages.js';
import { checklistMessages } from '../../src/components/integration-checklist/integration-checklist.messages.js';
import { bindingSettingsMessages } from '../../src/components/binding-settings/binding-settings.messages.js';

const picker = (lang: 'zh-CN' | 'en', key: string, n: number) =>
  translate(lang, key, { n, name: 'X' }, orgScopePickerMessages);

describe('localize: plurals and relative time', () => {
  // English loads on demand (as an element showing it does).
  before(() => loadLanguage('en'));

  it('English counts agree with their number (Intl.PluralRules); Chinese has one form', () => {
    expect(picker('en', 'summary.person', 1)).to.equal('1 person');
    expect(picker('en', 'summary.person', 2)).to.equal('2 persons');
    expect(picker('en', 'summary.person', 0)).to.equal('0 persons');
    expect(picker('en', 'summary.person', 100000)).to.equal('100,000 persons');
    expect(picker('en', 'summary.subcompany', 1)).to.equal('1 subcompany');
    expect(picker('en', 'summary.subcompany', 3)).to.equal('3 subcompanies');
    expect(picker('en', 'summary.department', 1)).to.equal('1 department');
    expect(picker('en', 'summary.total', 1)).to.equal('1 person in total');
    expect(picker('en', 'chip.unitAll', 1)).to.equal('X (all, 1 person)');
    expect(picker('zh-CN', 'summary.person', 1)).to.equal('1 人');
    expect(picker('zh-CN', 'summary.subcompany', 12000)).to.equal('12,000 个分部');
    expect(translate('en', 'summary.title', { count: 1 }, bindingSettingsMessages)).to.equal(
      '1 field needs attention:',
    );
    expect(translate('en', 'summary.title', { count: 2 }, bindingSettingsMessages)).to.equal(
      '2 fields need attention:',
    );
  });

  it('no English message says "1 persons" and the like for any count key', async () => {
    const { catalogs } = await import('../../src/internal/localize.js');
    await import('../../src/all.js');
    await loadLanguage('en');
    const bad: string[] = [];
    for (const c of catalogs)
      for (const [k, v] of Object.entries(c.en as Record<string, string>)) {
        // a count placeholder directly followed by a plural English noun
        if (
          /\{(n|count|total|max|min|days)\} (persons|subcompanies|departments|items|rules|segments|fields|days)\b/.test(
            v,
          )
        )
          bad.push(`${c.id}: ${k}`);
      }
    expect(bad).to.deep.equal([]);
  });

  it('constructs each Intl object once per language, however often it formats', () => {
    const made = { plural: 0, relative: 0 };
    const P = Intl.PluralRules;
    const R = Intl.RelativeTimeFormat;
    // Counting subclasses, so a construction per call would show.
    const I = Intl as unknown as Record<string, unknown>;
    I.PluralRules = class extends P {
      constructor(...a: ConstructorParameters<typeof P>) {
        super(...a);
        made.plural++;
      }
    } as typeof P;
    I.RelativeTimeFormat = class extends R {
      constructor(...a: ConstructorParameters<typeof R>) {
        super(...a);
        made.relative++;
      }
    } as typeof R;
    try {
      for (let i = 0; i < 500; i++) {
        picker('en', 'summary.person', i);
        picker('zh-CN', 'summary.person', i);
        formatAgo(i * 3_600_000, 'en');
        formatAgo(i * 3_600_000, 'zh-CN');
      }
    } finally {
      I.PluralRules = P;
      I.RelativeTimeFormat = R;
    }
    // At most one per language (none when an earlier test already made them).
    expect(made.plural).to.be.at.most(2);
    expect(made.relative).to.be.at.most(2);
  });

  it('says how long ago in words: 刚刚 / 今天-style units / n 天前 (Intl.RelativeTimeFormat)', () => {
    expect(formatAgo(0, 'zh-CN')).to.equal('刚刚');
    expect(formatAgo(20_000, 'en')).to.equal('just now');
    expect(formatAgo(5 * 60_000, 'zh-CN')).to.equal('5分钟前');
    expect(formatAgo(3 * 3_600_000, 'zh-CN')).to.equal('3小时前');
    expect(formatAgo(3 * 3_600_000, 'en')).to.equal('3 hours ago');
    expect(formatAgo(26 * 3_600_000, 'zh-CN')).to.equal('昨天');
    expect(formatAgo(26 * 3_600_000, 'en')).to.equal('yesterday');
    expect(formatAgo(3 * 86_400_000, 'zh-CN')).to.equal('3天前');
    expect(formatAgo(3 * 86_400_000, 'en')).to.equal('3 days ago');
    expect(formatAgo(-5, 'zh-CN')).to.equal('刚刚');
    // The checklist's freshness line: never "0 天前".
    const fresh = (ago: number, lang: 'zh-CN' | 'en') =>
      translate(lang, 'reason.fresh', { days: Math.floor(ago / 86_400_000), ago }, checklistMessages);
    expect(fresh(30_000, 'zh-CN')).to.equal('上次同步：刚刚');
    expect(fresh(2 * 3_600_000, 'zh-CN')).to.equal('上次同步：2小时前');
    expect(fresh(2 * 86_400_000, 'zh-CN')).to.equal('上次同步：前天');
    expect(fresh(4 * 86_400_000, 'zh-CN')).to.equal('上次同步：4天前');
    expect(fresh(2 * 86_400_000, 'en')).to.equal('Last synced 2 days ago');
    expect(fresh(30_000, 'zh-CN')).not.to.contain('0 天前');
  });
});
