/**
 * custom-elements-manifest analyzer config (`npm run analyze` → custom-elements.json).
 *
 * The manifest is the one source for Storybook's tables, VS Code custom data, JetBrains web-types
 * (scripts/gen-ide-data.mjs) and the React/Vue typings, so it lists the public API only:
 * - the base classes (src/internal/qys-element.ts, form-field.ts) are analysed so `lang`, `host`,
 *   `name`, `required`, `disabled`, `form`, `validity`… are inherited into every element;
 * - private / protected / `@internal` members, `#private` and `_`-prefixed names, lit lifecycle and
 *   form-callback plumbing, and attributes of internal state (`static properties = { sel: { state: true } }`)
 *   are dropped;
 * - every event gets its `detail` type from `QysEventMap` (src/api/events.ts) unless its `@fires`
 *   tag names a more precise one (`@fires {CustomEvent<{ value: string[] }>} qys-change`).
 */
import { readFileSync } from 'node:fs';

const LIFECYCLE = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'adoptedCallback',
  'attributeChangedCallback',
  'formAssociatedCallback',
  'formResetCallback',
  'formStateRestoreCallback',
  'formDisabledCallback',
  'render',
  'update',
  'updated',
  'firstUpdated',
  'willUpdate',
  'shouldUpdate',
  'createRenderRoot',
  'requestUpdate',
  'styles',
  'properties',
  'shadowRootOptions',
  'formAssociated',
  'observedAttributes',
  'adoptedStyleSheets',
]);

/** `'qys-save': CustomEvent<{ binding: Binding }>;` lines of QysEventMap → { 'qys-save': 'CustomEvent<…>' }. */
function readEventMap() {
  const src = readFileSync(new URL('./src/api/events.ts', import.meta.url), 'utf8');
  const body = src.slice(src.indexOf('interface QysEventMap'));
  const map = {};
  for (const m of body.matchAll(/^\s*'(qys-[a-z-]+)':\s*(CustomEvent<[\s\S]*?>);\s*$/gm))
    map[m[1]] = m[2].replace(/\s+/g, ' ');
  return map;
}

function isInternal(member) {
  return (
    member.privacy === 'private' ||
    member.privacy === 'protected' ||
    member.name.startsWith('#') ||
    member.name.startsWith('_') ||
    LIFECYCLE.has(member.name) ||
    /@internal\b/.test(member.description ?? '')
  );
}

function publicApiPlugin() {
  const eventTypes = readEventMap();
  return {
    name: 'qys-public-api',
    analyzePhase({ ts, node, moduleDoc }) {
      // `@internal` in a member's JSDoc: the analyzer keeps no tags of members, so note it here.
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const doc = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!doc) return;
      for (const m of node.members) {
        const tags = ts.getJSDocTags(m).map((t) => t.tagName.getText());
        if (!tags.includes('internal') || !m.name) continue;
        const member = doc.members?.find((x) => x.name === m.name.getText());
        if (member) member.privacy = 'private';
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          // The base classes (QysElement, QysFormField) extend LitElement but are no elements.
          if (decl.customElement && !decl.tagName) delete decl.customElement;
          const hidden = new Set((decl.members ?? []).filter(isInternal).map((m) => m.name));
          if (decl.members) decl.members = decl.members.filter((m) => !hidden.has(m.name));
          if (decl.attributes)
            decl.attributes = decl.attributes.filter(
              (a) => !(a.fieldName && hidden.has(a.fieldName)) && !a.name.startsWith('_'),
            );
          // Attributes documented with `@attr` (signing-frame is a plain HTMLElement): link their field.
          for (const a of decl.attributes ?? []) {
            const camel = a.name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
            if (!a.fieldName && decl.members?.some((m) => m.name === camel)) a.fieldName = camel;
          }
          if (decl.events) {
            // Merge the analyzer's own finds (dispatchEvent calls) into the @fires entries.
            const byName = new Map();
            for (const e of decl.events) {
              if (!e.name) continue;
              const prev = byName.get(e.name);
              byName.set(e.name, prev ? { ...e, ...prev, type: prev.type ?? e.type } : e);
            }
            // Only the qys-* events are API: `emit(name)` and the context request are plumbing.
            decl.events = [...byName.values()]
              .filter((e) => e.name.startsWith('qys-'))
              .map((e) => {
                const text = e.type?.text;
                if ((!text || text === 'CustomEvent' || text === 'Event') && eventTypes[e.name])
                  return { ...e, type: { text: eventTypes[e.name] } };
                return e;
              });
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/qys-element.ts', 'src/internal/form-field.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.messages.ts', 'src/components/*/lazy.ts'],
  litelement: true,
  // Never rewrite package.json's `customElements` (the node test analyses into .tmp/).
  packagejson: false,
  plugins: [publicApiPlugin()],
};
