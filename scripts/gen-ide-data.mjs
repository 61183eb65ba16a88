#!/usr/bin/env node
/**
 * Generates IDE data from custom-elements.json (run by `npm run analyze`, so by `npm run build`):
 * - vscode.html-custom-data.json: VS Code HTML custom data (tags, attributes with values, descriptions);
 *   point `html.customData` at `node_modules/qys-elements/vscode.html-custom-data.json`.
 * - web-types.json: JetBrains web-types (package.json `web-types`), with properties, events and the
 *   CSS custom properties and parts.
 * Usage: node scripts/gen-ide-data.mjs [manifest] [outDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const manifestPath = resolve(process.argv[2] ?? resolve(root, 'custom-elements.json'));
const outDir = resolve(process.argv[3] ?? root);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

const elements = [];
for (const mod of manifest.modules)
  for (const d of mod.declarations ?? []) if (d.customElement && d.tagName) elements.push({ mod, d });
elements.sort((a, b) => a.d.tagName.localeCompare(b.d.tagName));

/** `'a' | 'b'` → ['a', 'b']; anything that is not a union of string literals → []. */
function literalValues(typeText) {
  if (!typeText) return [];
  const parts = typeText.split('|').map((p) => p.trim());
  if (!parts.every((p) => /^'[^']*'$|^"[^"]*"$/.test(p))) return [];
  return parts.map((p) => p.slice(1, -1));
}

function summary(d) {
  return (d.summary || d.description || '').trim();
}

const docsUrl = (tag) => `https://www.npmjs.com/package/${pkg.name}#${tag}`;

// ---- VS Code custom data (https://github.com/microsoft/vscode-custom-data) ----
const vscode = {
  $schema:
    'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map(({ d }) => ({
    name: d.tagName,
    description: [
      summary(d),
      d.events?.length ? `Events: ${d.events.map((e) => e.name).join(', ')}.` : '',
      d.slots?.length ? `Slots: ${d.slots.map((s) => s.name || '(default)').join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    attributes: (d.attributes ?? []).map((a) => {
      const values = literalValues(a.type?.text);
      const out = { name: a.name, description: (a.description ?? '').trim() };
      if (a.type?.text === 'boolean') out.valueSet = 'v';
      else if (values.length) out.values = values.map((name) => ({ name }));
      return out;
    }),
    references: [{ name: 'Documentation', url: docsUrl(d.tagName) }],
  })),
};

// ---- JetBrains web-types (https://github.com/JetBrains/web-types) ----
const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  framework: undefined,
  contributions: {
    html: {
      elements: elements.map(({ mod, d }) => ({
        name: d.tagName,
        description: summary(d),
        'doc-url': docsUrl(d.tagName),
        source: {
          module: `./${mod.path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')}`,
          symbol: d.name,
        },
        attributes: (d.attributes ?? []).map((a) => {
          const values = literalValues(a.type?.text);
          const out = { name: a.name, description: (a.description ?? '').trim() };
          if (a.type?.text === 'boolean') out.value = { type: 'boolean', required: false };
          else if (values.length) out.value = { type: 'enum', kind: 'plain' };
          else out.value = { type: a.type?.text ?? 'string' };
          if (values.length) out.values = values.map((name) => ({ name }));
          return out;
        }),
        slots: (d.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        events: (d.events ?? []).map((e) => ({
          name: e.name,
          description: `${(e.description ?? '').trim()}${e.type?.text ? ` (${e.type.text})` : ''}`,
        })),
        js: {
          properties: (d.members ?? [])
            .filter((m) => m.kind === 'field' && !m.static)
            .map((m) => ({ name: m.name, description: (m.description ?? '').trim(), type: m.type?.text })),
          events: (d.events ?? []).map((e) => ({ name: e.name, description: (e.description ?? '').trim() })),
        },
        css: {
          properties: (d.cssProperties ?? []).map((p) => ({
            name: p.name,
            description: p.description ?? '',
          })),
          parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};

writeFileSync(resolve(outDir, 'vscode.html-custom-data.json'), JSON.stringify(vscode, null, 2) + '\n');
writeFileSync(resolve(outDir, 'web-types.json'), JSON.stringify(webTypes, null, 2) + '\n');
console.log(`IDE data: ${elements.length} elements → vscode.html-custom-data.json, web-types.json`);
