// English strings of the 'browse-field' catalogue (browse-field.messages.ts), loaded on demand: a page that shows
// only Chinese never downloads them. Same keys as zh-CN, checked by the type below.
import type { ExactStrings } from '../../internal/localize.js';
import type { browseFieldMessages } from './browse-field.messages.js';

const en = {
  'kind.electronic-seal': 'electronic seal',
  'kind.physical-seal': 'physical seal',
  'kind.file-template': 'file template',
  'kind.electronic-seal-flow': 'electronic seal flow',
  'kind.physical-seal-flow': 'physical seal flow',
  browse: 'Choose…',
  browseLabel: 'Choose {kind}',
  clearLabel: 'Clear the chosen {kind}',
  removeLabel: 'Remove {name}',
  missing: 'No longer exists',
  missingTitle: 'This item was deleted in Qiyuesuo (ID {id}). Remove it and choose again',
  disabledBadge: 'Disabled',
  disabledTitle: 'Disabled in Qiyuesuo; it cannot be chosen',
  disabledTagTitle: 'This item was disabled in Qiyuesuo (ID {id}). Remove it and choose again',
  disabledRefused: '“{name}” is disabled in Qiyuesuo and cannot be chosen',
  resolving: 'Loading…',
  resolveFailed: 'Could not read the names of the chosen items: {error}',
  'image.url.unsafeScheme':
    'Some seal images have an address that is not http(s) or image data; they are not shown for safety. Ask an administrator to check the data',
  'image.url.notAbsolute':
    'Some seal images have an address that is incomplete or malformed; they are not shown for safety. Ask an administrator to check the data',
  dialogTitle: 'Choose {kind}',
  searchLabel: 'Search {kind} by name',
  searchPlaceholder: 'Type a name to search',
  companyLabel: 'Company',
  companyAll: 'All companies',
  countAll: '{total, plural, one {# item} other {# items}}',
  countKeyword: '{total, plural, one {# item matches} other {# items match}} “{keyword}”',
  listLoading: 'Loading {kind} list…',
  listFailed: 'Could not load the {kind} list: {error}',
  noMatch: 'No {kind} matches “{keyword}”. Try another keyword',
  emptyTitle: 'No {kind} yet',
  emptyExplain:
    'Seals, file templates and seal flows from Qiyuesuo do not appear here by themselves: an administrator clicks “Sync provider data” (同步服务商数据) under Binding settings › Services to bring them into the OA.',
  emptyAskAdmin: 'If Qiyuesuo already has this data, ask an administrator to sync the provider data.',
  lastSynced: 'Last synced: {time}',
  neverSynced: 'Provider data has never been synced',
  sync: 'Sync provider data',
  syncing: 'Syncing provider data ({stage})…',
  syncProgress: 'Sync progress',
  syncDone: 'Sync finished; the list was reloaded',
  syncFailed: 'Sync failed: {error}',
  noService: 'No Qiyuesuo service is configured yet. Add one in Binding settings first',
  'stage.seals': 'seals',
  'stage.templates': 'file templates',
  'stage.flows': 'seal flows',
  'status.enabled': 'Enabled',
  'status.disabled': 'Disabled',
  selectedCount: '{count} selected',
  pickedLabel: 'Chosen items',
  pickedMore: 'and {count} more',
  category: 'Category',
  company: 'Company',
  status: 'Status',
  sealType: 'Type',
};
export default en;

/** A missing or extra key (against zh-CN) is a type error here. */
export type Checked = ExactStrings<typeof browseFieldMessages, typeof en>;
