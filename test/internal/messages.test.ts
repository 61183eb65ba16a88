import { expect } from '@open-wc/testing';
import '../../src/all.js';
import { catalogs, LANGS } from '../../src/internal/localize.js';
import { loadLanguage } from '../../src/internal/i18n.js';
import { commonMessages } from '../../src/internal/common.messages.js';
import { loadPanel } from '../../src/components/signing-frame/signing-frame.js';
import { loadPanelStrings } from '../../src/components/org-scope-picker/org-scope-picker.messages.js';

// Every catalogue registers itself when its module loads; all.js loads every element.
describe('message catalogues', () => {
  // en and zh-TW load on demand: load them for every catalogue, as an element showing them does.
  // The signing frame's panel strings join its zh-CN catalogue when the panels first load (the picker's
  // chips / 批量添加 strings likewise).
  before(() => Promise.all([loadLanguage('zh-TW'), loadLanguage('en'), loadPanel(), loadPanelStrings()]));

  it('includes the common catalogue', () => {
    expect(catalogs).to.include(commonMessages);
  });

  it('every catalogue has every key, non-empty, in every shipped language (zh-CN, zh-TW, en)', () => {
    expect(LANGS).to.include.members(['zh-CN', 'zh-TW', 'en']);
    const problems: string[] = [];
    for (const c of catalogs) {
      const keys = new Set(LANGS.flatMap((l) => Object.keys(c[l] ?? {})));
      for (const k of keys) {
        for (const lang of LANGS) {
          const v = (c[lang] as Record<string, string> | undefined)?.[k];
          if (typeof v !== 'string' || v.trim() === '') problems.push(`${c.id}: "${k}" missing in ${lang}`);
        }
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('placeholders match between the languages', () => {
    const problems: string[] = [];
    const ph = (s: string) =>
      // `{name}`, and the name of `{name, plural, …}` / `{name, ago}`
      [...new Set([...s.matchAll(/\{(\w+)(?:\}|, )/g)].map((m) => m[1]!))].sort().join(',');
    for (const c of catalogs) {
      for (const k of Object.keys(c['zh-CN'])) {
        const zh = (c['zh-CN'] as Record<string, string>)[k]!;
        const en = (c.en as Record<string, string>)[k] ?? '';
        if (ph(zh) !== ph(en)) problems.push(`${c.id}: "${k}" {${ph(zh)}} vs {${ph(en)}}`);
        const tw = (c['zh-TW'] as Record<string, string> | undefined)?.[k] ?? '';
        if (ph(zh) !== ph(tw)) problems.push(`${c.id}: "${k}" {${ph(zh)}} vs zh-TW {${ph(tw)}}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });
});
