/**
 * Typings test, run by tsc (`npx tsc -p tsconfig.json --noEmit`, part of `npm run typecheck`): the
 * event map is typed per element, and each `@ts-expect-error` below must be an error (tsc fails on an
 * unused one). Nothing here runs.
 */
import type {
  QysChangeEvent,
  QysElementEventMap,
  QysEventMap,
  QysEventOf,
  QysFieldValueMap,
} from '../../src/api/events.js';
import type { AutoLogin, OrgScope } from '../../src/api/schemas.js';
import type { QysBrowseField } from '../../src/components/browse-field/define.js';
import type { QysOrgScopePicker } from '../../src/components/org-scope-picker/define.js';
import type { QysNetworkStrategyEditor } from '../../src/components/network-strategy-editor/define.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const is = <T extends true>(_: T) => undefined;

declare const browse: QysBrowseField;
declare const picker: QysOrgScopePicker;
declare const editor: QysNetworkStrategyEditor;

// Each field's qys-change carries its own value type.
browse.addEventListener('qys-change', (e) => {
  is<Equal<typeof e.detail.value, string[]>>(true);
  // @ts-expect-error the browse field's value is a list of IDs, not a scope
  return e.detail.value.include;
});
picker.addEventListener('qys-change', (e) => {
  is<Equal<typeof e.detail.value, OrgScope>>(true);
  // @ts-expect-error a scope is not a list
  e.detail.value.map(String);
});
editor.addEventListener('qys-change', (e) => {
  is<Equal<typeof e.detail.value, AutoLogin>>(true);
  e.detail.value.mode satisfies 'off' | 'segment' | 'domain';
});
browse.addEventListener('qys-sync-complete', (e) => e.detail.report.seals.total satisfies number);
browse.removeEventListener('qys-change', () => undefined);
// Native events keep their types; unknown names are plain Events.
browse.addEventListener('click', (e) => e.clientX satisfies number);
browse.addEventListener('qys-not-an-event', (e) => e.type satisfies string);
// @ts-expect-error the picker fires no qys-sync-complete
export type NoSync = QysEventOf<'qys-org-scope-picker', 'qys-sync-complete'>;

// Type helpers.
is<Equal<QysEventOf<'qys-org-scope-picker', 'qys-change'>, QysChangeEvent<'qys-org-scope-picker'>>>(true);
is<Equal<QysFieldValueMap['qys-browse-field'], string[]>>(true);
// @ts-expect-error the signing frame fires no qys-change
export type NoChange = QysEventOf<'qys-signing-frame', 'qys-change'>;
// @ts-expect-error not an element
export type NoTag = QysElementEventMap['qys-nothing'];

// On any node, qys-change is one of the fields' values (not unknown).
document.addEventListener('qys-change', (e) => {
  is<Equal<typeof e.detail.value, string[] | OrgScope | AutoLogin>>(true);
  return e.detail.value;
});
document.addEventListener('qys-save', (e) => e.detail.binding.id satisfies string);
// @ts-expect-error event names are literals of the map: a misspelt name is untyped, so detail is unknown
document.addEventListener('qys-sav', (e) => e.detail.binding);

// Every name is a qys-* literal.
is<Equal<Extract<keyof QysEventMap, `qys-${string}`>, keyof QysEventMap>>(true);
