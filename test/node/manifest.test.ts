/**
 * custom-elements.json as consumers (Storybook, IDEs, the React/Vue typings) read it: generated fresh from the
 * sources with the repo's analyzer config, then checked for completeness and for leaks of internals.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, '.tmp', 'manifest-test');

interface Member {
  name: string;
  kind: string;
  privacy?: string;
  static?: boolean;
  inheritedFrom?: { name: string };
}
interface Decl {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string; type?: { text: string }; description?: string }[];
  cssProperties?: { name: string }[];
  cssParts?: { name: string }[];
}

let elements: Decl[] = [];
let modulePath = new Map<string, string>();

const TAGS = [
  'qys-binding-settings',
  'qys-browse-field',
  'qys-host-provider',
  'qys-integration-checklist',
  'qys-network-strategy-editor',
  'qys-org-scope-picker',
  'qys-signing-frame',
];
const FORM_FIELDS = ['qys-browse-field', 'qys-network-strategy-editor', 'qys-org-scope-picker'];

before(() => {
  mkdirSync(out, { recursive: true });
  const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  execFileSync(
    process.execPath,
    [
      cem,
      'analyze',
      '--config',
      'custom-elements-manifest.config.mjs',
      '--outdir',
      '.tmp/manifest-test',
      '--quiet',
    ],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
  execFileSync(process.execPath, ['scripts/gen-ide-data.mjs', join(out, 'custom-elements.json'), out], {
    cwd: root,
    stdio: 'pipe',
  });
  const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as {
    modules: { path: string; declarations?: Decl[] }[];
  };
  elements = [];
  modulePath = new Map();
  for (const mod of manifest.modules)
    for (const d of mod.declarations ?? [])
      if (d.customElement && d.tagName) {
        elements.push(d);
        modulePath.set(d.tagName, mod.path);
      }
});

const el = (tag: string) => {
  const d = elements.find((e) => e.tagName === tag);
  assert.ok(d, `${tag} is in the manifest`);
  return d;
};

/** The element's folder under src/components. */
const dirOf = (tag: string) => join(root, 'src/components', tag.replace(/^qys-/, ''));

test('lists all seven elements, each once', () => {
  assert.deepEqual(elements.map((e) => e.tagName).sort(), TAGS);
});

test('every event has a detail type, and every event an element emits is listed', () => {
  for (const tag of TAGS) {
    const d = el(tag);
    for (const e of d.events ?? []) {
      assert.match(e.name, /^qys-[a-z-]+$/, `${tag}: event ${e.name} is a qys-* event`);
      assert.match(e.type?.text ?? '', /^CustomEvent<\{.+\}>$/, `${tag}: ${e.name} has a typed detail`);
      assert.ok(e.description, `${tag}: ${e.name} is described`);
    }
    const src = readFileSync(join(root, modulePath.get(tag)!), 'utf8');
    const emitted = new Set([...src.matchAll(/\bemit\(\s*'(qys-[a-z-]+)'/g)].map((m) => m[1]!));
    for (const name of emitted)
      assert.ok(
        d.events?.some((e) => e.name === name),
        `${tag} emits ${name}: document it with @fires`,
      );
  }
  assert.equal(
    el('qys-browse-field').events?.find((e) => e.name === 'qys-change')?.type?.text,
    'CustomEvent<{ value: string[] }>',
  );
  assert.equal(
    el('qys-org-scope-picker').events?.find((e) => e.name === 'qys-change')?.type?.text,
    'CustomEvent<{ value: OrgScope }>',
  );
  assert.equal(
    el('qys-network-strategy-editor').events?.find((e) => e.name === 'qys-change')?.type?.text,
    'CustomEvent<{ value: AutoLogin }>',
  );
  assert.equal(el('qys-signing-frame').events?.length, 7);
});

test('inherited public members are listed: lang everywhere, name / required / disabled / value on form fields', () => {
  for (const tag of TAGS.filter((t) => t !== 'qys-host-provider')) {
    const d = el(tag);
    assert.ok(
      d.attributes?.some((a) => a.name === 'lang'),
      `${tag}: lang attribute`,
    );
  }
  for (const tag of FORM_FIELDS) {
    const d = el(tag);
    for (const name of ['name', 'required', 'disabled']) {
      assert.ok(
        d.attributes?.some((a) => a.name === name),
        `${tag}: ${name} attribute`,
      );
      assert.ok(
        d.members?.some((m) => m.name === name),
        `${tag}: ${name} property`,
      );
    }
    for (const name of ['value', 'form', 'validity', 'checkValidity', 'reportValidity', 'host'])
      assert.ok(
        d.members?.some((m) => m.name === name),
        `${tag}: ${name}`,
      );
  }
  const sf = el('qys-signing-frame');
  for (const a of [
    'contract-id',
    'service-id',
    'params',
    'page',
    'auto-open',
    'allow-camera',
    'sandbox-extra',
  ])
    assert.ok(
      sf.attributes?.some((x) => x.name === a),
      `qys-signing-frame: ${a} attribute`,
    );
  for (const m of ['host', 'contractId', 'open', 'retry', 'openInWindow', 'cancel', 'result', 'state'])
    assert.ok(
      sf.members?.some((x) => x.name === m),
      `qys-signing-frame: ${m}`,
    );
});

test('no private, protected or internal state is listed (as a member or as an attribute)', () => {
  for (const tag of TAGS) {
    const d = el(tag);
    const src = readFileSync(join(root, modulePath.get(tag)!), 'utf8');
    // Names the source keeps to itself: `private x`, `protected x`, `#x`, `{ state: true }` entries.
    const hidden = new Set<string>([
      ...[
        ...src.matchAll(
          /^\s+(?:@\w+\([^)]*\)\s*)*(?:declare\s+)?(?:private|protected)\s+(?:readonly\s+|override\s+|get\s+|set\s+|async\s+)*(\w+)/gm,
        ),
      ].map((m) => m[1]!),
      ...[...src.matchAll(/^\s+(\w+):\s*\{\s*state:\s*true\s*\}/gm)].map((m) => m[1]!),
      'contextHost',
      'internals',
      'messages',
      't',
      'emit',
      'errorText',
      'formDisabled',
      'connectedCallback',
      'render',
      'styles',
    ]);
    for (const m of d.members ?? []) {
      assert.ok(!m.privacy || m.privacy === 'public', `${tag}: ${m.name} is ${m.privacy}`);
      assert.ok(!m.name.startsWith('_') && !m.name.startsWith('#'), `${tag}: ${m.name} is internal`);
      assert.ok(!hidden.has(m.name), `${tag}: internal member ${m.name} is listed`);
    }
    for (const a of d.attributes ?? []) {
      assert.ok(!hidden.has(a.fieldName ?? a.name), `${tag}: attribute ${a.name} is internal state`);
      if (a.fieldName)
        assert.ok(
          d.members?.some((m) => m.name === a.fieldName),
          `${tag}: ${a.name} → ${a.fieldName} listed`,
        );
    }
  }
  const picker = el('qys-org-scope-picker');
  for (const n of ['sel', 'tick', 'caps', 'bulk', 'query'])
    assert.ok(!picker.attributes?.some((a) => a.name === n) && !picker.members?.some((m) => m.name === n), n);
});

test('every --qys-* custom property an element reads is documented with @cssprop', () => {
  // The tokens sheet (every --qys-* default) is adopted by each element that imports it or shared.styles.
  const shared =
    readFileSync(join(root, 'src/internal/shared.styles.ts'), 'utf8') +
    readFileSync(join(root, 'src/internal/tokens.styles.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const tag of TAGS) {
    const dir = dirOf(tag);
    const own = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('');
    let text = /(shared|tokens)\.styles\.js/.test(own) ? shared : '';
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.ts')) continue;
      // Comments name tokens in prose (and the JSDoc itself): only code counts.
      text += readFileSync(join(dir, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
    }
    const used = new Set([...text.matchAll(/var\(\s*(--qys-[a-z0-9-]+)/g)].map((m) => m[1]!));
    const documented = new Set((el(tag).cssProperties ?? []).map((p) => p.name));
    const missing = [...used].filter((t) => !documented.has(t));
    assert.deepEqual(missing, [], `${tag}: undocumented custom properties`);
  }
});

test('VS Code custom data and JetBrains web-types are generated from it', () => {
  const vscode = JSON.parse(readFileSync(join(out, 'vscode.html-custom-data.json'), 'utf8')) as {
    tags: { name: string; attributes: { name: string; values?: { name: string }[] }[] }[];
  };
  assert.deepEqual(vscode.tags.map((t) => t.name).sort(), TAGS);
  const bf = vscode.tags.find((t) => t.name === 'qys-browse-field')!;
  assert.ok(bf.attributes.some((a) => a.name === 'kind'));
  assert.ok(bf.attributes.some((a) => a.name === 'required'));
  const web = JSON.parse(readFileSync(join(out, 'web-types.json'), 'utf8')) as {
    name: string;
    contributions: {
      html: { elements: { name: string; events: { name: string }[]; css: { properties: unknown[] } }[] };
    };
  };
  assert.equal(web.name, 'qys-elements');
  const els = web.contributions.html.elements;
  assert.deepEqual(els.map((e) => e.name).sort(), TAGS);
  assert.ok(els.find((e) => e.name === 'qys-signing-frame')!.events.some((e) => e.name === 'qys-signed'));
  assert.ok(els.find((e) => e.name === 'qys-org-scope-picker')!.css.properties.length > 5);
});

test("Storybook's arg tables (made from the manifest) list the public API only", () => {
  // The rows @storybook/web-components builds: fields, attributes, events, slots, CSS properties and parts.
  const rows = (tag: string) => {
    const d = el(tag);
    return new Set([
      ...(d.members ?? []).filter((m) => m.kind !== 'method').map((m) => m.name),
      ...(d.attributes ?? []).map((a) => a.name),
      ...(d.events ?? []).map((e) => e.name),
      ...(d.cssProperties ?? []).map((p) => p.name),
      ...(d.cssParts ?? []).map((p) => p.name),
    ]);
  };
  const bf = rows('qys-browse-field');
  for (const internal of [
    'draft',
    'keyword',
    'open',
    'known',
    'pager',
    'viewport',
    'internals',
    'contextHost',
  ])
    assert.ok(!bf.has(internal), `browse-field table shows ${internal}`);
  for (const shown of [
    'kind',
    'value',
    'multiple',
    'name',
    'required',
    'disabled',
    'lang',
    'host',
    'qys-change',
  ])
    assert.ok(bf.has(shown), `browse-field table lacks ${shown}`);
  assert.ok(bf.size < 80, `browse-field table has ${bf.size} rows`);
  const sf = rows('qys-signing-frame');
  for (const shown of [
    'contract-id',
    'contractId',
    'host',
    'qys-signed',
    'frame',
    '--qys-signing-frame-height',
  ])
    assert.ok(sf.has(shown), `signing-frame table lacks ${shown}`);
});
