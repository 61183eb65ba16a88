import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkHostUrl, checkImageUrl, safeHostUrl } from '../../src/core/url.js';

const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  '\njavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript\u0000:alert(1)',
  '\u001fjavascript:alert(1)',
  'javascript:alert(1)\n',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'blob:https://oa.example.com/0b5e',
  'file:///etc/passwd',
  'about:blank',
  'ftp://qys.example.com/',
  'jar:http://x/!/',
];

describe('checkHostUrl', () => {
  it('accepts absolute http(s) URLs and returns them serialised', () => {
    expect(checkHostUrl('https://qys.example.com/sso/login?ticket=a%20b#x')).to.deep.equal({
      ok: true,
      url: 'https://qys.example.com/sso/login?ticket=a%20b#x',
    });
    expect(checkHostUrl('HTTP://QYS.example.com:9180')).to.deep.equal({
      ok: true,
      url: 'http://qys.example.com:9180/',
    });
    expect(safeHostUrl('http://[::1]:8080/a')).to.equal('http://[::1]:8080/a');
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const v of HOSTILE)
      expect(checkHostUrl(v), JSON.stringify(v)).to.deep.equal({ ok: false, code: 'url.unsafeScheme' });
  });

  it('refuses relative, malformed and non-string values', () => {
    for (const v of [
      '/sign',
      '//evil.example/x',
      'qys.example.com',
      '',
      ' https://qys.example.com',
      'https://qys.example.com/\ta',
      'https://',
      'http://x:99999/',
      'https://a b/',
      undefined,
      null,
      42,
      {},
      ['https://a.example'],
    ])
      expect(checkHostUrl(v), JSON.stringify(v)).to.deep.equal({ ok: false, code: 'url.notAbsolute' });
  });

  it('accepts data:image URLs only when asked (seal images), never other data: types', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const svg = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"/>')}`;
    expect(checkHostUrl(png).ok).to.equal(false);
    expect(checkImageUrl(png)).to.deep.equal({ ok: true, url: png });
    expect(checkImageUrl(svg)).to.deep.equal({ ok: true, url: svg });
    expect(checkImageUrl('data:image/svg+xml;charset=utf-8,%3Csvg%3E').ok).to.equal(true);
    for (const v of [
      'data:text/html,<script>1</script>',
      'data:,x',
      'data:image/x-icon,zz',
      ' data:image/png;base64,AA',
      'javascript:1',
    ])
      expect(checkImageUrl(v).ok, v).to.equal(false);
  });

  it('property: whatever it accepts parses as http(s) with a host and holds no control character or space', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string(),
          fc.string({ unit: 'binary' }),
        ),
        (s) => {
          const r = checkHostUrl(s);
          if (!r.ok) return;
          const u = new URL(r.url);
          expect(['http:', 'https:']).to.include(u.protocol);
          expect(u.hostname).not.to.equal('');
          expect(/[\u0000-\u0020\u007f]/.test(s)).to.equal(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: a non-http scheme with whitespace or control characters spliced in anywhere is refused', () => {
    const junk = fc.string({
      unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u0000', '\u000b', '\u001f', '\u007f'),
      maxLength: 3,
    });
    fc.assert(
      fc.property(
        fc.constantFrom('javascript', 'vbscript', 'data', 'blob', 'file', 'JaVaScRiPt'),
        fc.nat(12),
        junk,
        junk,
        fc.string(),
        (scheme, at, pre, mid, rest) => {
          const i = Math.min(at, scheme.length);
          const v = `${pre}${scheme.slice(0, i)}${mid}${scheme.slice(i)}:${rest}`;
          expect(checkHostUrl(v).ok, JSON.stringify(v)).to.equal(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
