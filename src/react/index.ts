/**
 * `qys-elements/react`: React components for every element, made with `@lit/react`'s `createComponent`
 * (what Shoelace ships). They set properties, not attributes — so `host`, `value`, `binding`,
 * `signingUrls`… reach the element as objects under React 18 too — and take typed `onQys…` event props:
 *
 * ```tsx
 * import { QysHostProvider, QysBrowseField } from 'qys-elements/react';
 * <QysHostProvider host={host}>
 *   <QysBrowseField kind="electronic-seal" value={ids} onQysChange={(e) => setIds(e.detail.value)} />
 * </QysHostProvider>
 * ```
 *
 * Importing this module defines the tags it wraps (each through `qys-elements/<name>.js`, version-aware).
 * `react` is an optional peer dependency of qys-elements: only this entry needs it (React 18 or 19).
 * React 19 users who write the tags directly get typed JSX from `qys-elements/react/jsx`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { QysChangeEvent, QysEventMap, QysFieldValueMap } from '../api/events.js';
import { QysHostProvider as HostProviderElement } from '../components/host-provider/define.js';
import { QysBindingSettings as BindingSettingsElement } from '../components/binding-settings/define.js';
import { QysNetworkStrategyEditor as NetworkStrategyEditorElement } from '../components/network-strategy-editor/define.js';
import { QysOrgScopePicker as OrgScopePickerElement } from '../components/org-scope-picker/define.js';
import { QysBrowseField as BrowseFieldElement } from '../components/browse-field/define.js';
import { QysSigningFrame as SigningFrameElement } from '../components/signing-frame/define.js';
import { QysIntegrationChecklist as IntegrationChecklistElement } from '../components/integration-checklist/define.js';

/** The typed name of a `qys-*` event, as `@lit/react` wants it for `onQys…` props. */
const ev = <K extends keyof QysEventMap>(name: K) => name as EventName<QysEventMap[K]>;
/** `qys-change` with the field's own value type (`QysChangeEvent<tag>`, from QysFieldValueMap). */
const change = <Tag extends keyof QysFieldValueMap>() => 'qys-change' as EventName<QysChangeEvent<Tag>>;

export const QysHostProvider = createComponent({
  react: React,
  tagName: 'qys-host-provider',
  elementClass: HostProviderElement,
  displayName: 'QysHostProvider',
});

export const QysBindingSettings = createComponent({
  react: React,
  tagName: 'qys-binding-settings',
  elementClass: BindingSettingsElement,
  displayName: 'QysBindingSettings',
  events: {
    onQysSave: ev('qys-save'),
    onQysDelete: ev('qys-delete'),
    onQysSyncComplete: ev('qys-sync-complete'),
    onQysDirtyChange: ev('qys-dirty-change'),
    onQysScopeSave: ev('qys-scope-save'),
    onQysCopy: ev('qys-copy'),
    onQysSignatoriesChange: ev('qys-signatories-change'),
  },
});

export const QysNetworkStrategyEditor = createComponent({
  react: React,
  tagName: 'qys-network-strategy-editor',
  elementClass: NetworkStrategyEditorElement,
  displayName: 'QysNetworkStrategyEditor',
  events: { onQysChange: change<'qys-network-strategy-editor'>() },
});

export const QysOrgScopePicker = createComponent({
  react: React,
  tagName: 'qys-org-scope-picker',
  elementClass: OrgScopePickerElement,
  displayName: 'QysOrgScopePicker',
  events: { onQysChange: change<'qys-org-scope-picker'>() },
});

export const QysBrowseField = createComponent({
  react: React,
  tagName: 'qys-browse-field',
  elementClass: BrowseFieldElement,
  displayName: 'QysBrowseField',
  events: {
    onQysChange: change<'qys-browse-field'>(),
    onQysSyncComplete: ev('qys-sync-complete'),
    onQysError: ev('qys-error'),
  },
});

export const QysSigningFrame = createComponent({
  react: React,
  tagName: 'qys-signing-frame',
  elementClass: SigningFrameElement,
  displayName: 'QysSigningFrame',
  events: {
    onQysReady: ev('qys-ready'),
    onQysSigned: ev('qys-signed'),
    onQysDeclined: ev('qys-declined'),
    onQysCancelled: ev('qys-cancelled'),
    onQysExpired: ev('qys-expired'),
    onQysError: ev('qys-error'),
    onQysBlocked: ev('qys-blocked'),
  },
});

export const QysIntegrationChecklist = createComponent({
  react: React,
  tagName: 'qys-integration-checklist',
  elementClass: IntegrationChecklistElement,
  displayName: 'QysIntegrationChecklist',
  events: { onQysCopy: ev('qys-copy'), onQysError: ev('qys-error') },
});

export type { QysEventMap, QysElementEventMap, QysChangeEvent, QysFieldValueMap } from '../api/events.js';
