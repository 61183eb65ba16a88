// English strings of the 'integration-checklist' catalogue (integration-checklist.messages.ts), loaded on demand: a page that shows
// only Chinese never downloads them. Same keys as zh-CN, checked by the type below.
import type { ExactStrings } from '../../internal/localize.js';
import type { checklistMessages } from './integration-checklist.messages.js';

const en = {
  title: 'Qiyuesuo-side integration checklist',
  colon: ': ',
  intro:
    'Enter or confirm the following in the Qiyuesuo admin console. Every value is computed from this service configuration and the OA address and can be copied with one click.',
  serviceLine: 'Service: {name} ({type})',
  'type.private': 'private cloud',
  'type.public': 'public cloud',
  oaUrlLabel: 'OA (Weaver E10) address',
  oaUrlHint: 'The address the Qiyuesuo server uses to reach the OA, e.g. https://oa.example.com',
  tenantLabel: 'E10 tenant code',
  tenantHint: 'Shown in E10 Admin Center › Basic settings › License information',
  upgradeLabel: 'Upgrading from E9?',
  'upgrade.none': 'New deployment',
  'upgrade.same-address': 'E9 → E10, same address',
  'upgrade.new-address': 'E9 → E10, new address',
  e9UrlLabel: 'Former E9 address',
  'section.integration':
    'Integration settings (Qiyuesuo admin › Integration center › Weaver ecology integration › settings, OA version Weaver E10)',
  'section.callbacks': 'Callback addresses',
  'section.sync': 'Organisation and member sync',
  'section.upgrade': 'E9 upgrade changes',
  'section.public': 'Public cloud integration (Qiyuesuo public cloud › Integration › Weaver E-cology10)',
  'section.checks': 'Checks',
  'item.sso': 'Enable single sign-on',
  'item.publicSso': 'Single sign-on switch',
  'item.e10Address': 'Weaver e-cology system address (E10 address)',
  'item.encryptionKey': 'Encryption key',
  'item.tenantCode': 'Weaver team code',
  'item.publicTenantId': 'Tenant ID',
  'item.syncSource': 'Sync source',
  'item.openServer': 'Weaver open platform address',
  'item.appKey': 'Weaver open platform app_key',
  'item.appSecret': 'Weaver open platform app_secret',
  'item.corpId': 'Weaver open platform corpId',
  'item.globalCallback': 'Global callback address',
  'item.categoryCallback': 'Seal-flow (business category) callback address',
  'item.personSync': 'Member sync schedule',
  'item.oaWhitelist': 'OA whitelist',
  'item.nginxRewrite': 'nginx forwarding rule',
  'item.categoryCallbackChange': 'Callback address in business categories',
  'note.globalCallback':
    'Qiyuesuo 4.3.6 or later: under Integration login › Weaver ecology › Edit app › Callback addresses, click "Switch to old-style callback" and set the global callback there; before 4.3.5: choose "Global callback" directly.',
  'note.categoryCallback': 'Only needed when seal flows are configured with an EC callback address.',
  'note.personSync': 'Runs daily at midnight by default; keep the default unless you need otherwise.',
  'note.oaWhitelist':
    'Add the Qiyuesuo server’s address to the OA’s own whitelist: only then can Qiyuesuo read OA data and sync members. Otherwise the OA refuses its requests (e.g. “illegal IP calling the webservice interface”).',
  'note.nginxRewrite':
    'E9 upgraded to E10 at the same OA address: forward the old callback /QYSPrivateCallbackServlet to the E10 callback.',
  'note.categoryCallbackChange':
    'The former address {old} no longer answers: change it to the address below in each Qiyuesuo business category.',
  'note.encryptionKey': 'Must equal the encryption key in the binding settings.',
  'setting.on': 'On',
  'setting.https': 'https interface',
  'setting.dailyMidnight': 'Daily at midnight (default)',
  'setting.oaWhitelist': 'Add the Qiyuesuo server’s address (IP) in the OA',
  'where.tenantId': 'Shown in E10 Admin Center › Basic settings › License information',
  'where.appManagement':
    'From E10 Admin Center › Open platform › App management (secrets are not shown here)',
  'where.developerInfo': 'From E10 Admin Center › Open platform › Developer information',
  missingValue: 'Not set yet',
  copyLabel: 'Copy {label}',
  copiedLabel: 'Copied: {label}',
  runChecks: 'Check again',
  exportMarkdown: 'Export Markdown',
  print: 'Print',
  printTitle: 'Qiyuesuo-side integration checklist',
  popupBlocked: 'The browser blocked the print window. Allow pop-ups and try again',
  loadingBinding: 'Reading the service configuration…',
  noBinding: 'Choose a service configuration (set service-id or binding)',
  'status.pass': 'Pass',
  'status.fail': 'Fail',
  'status.cannot-check': 'Cannot check',
  'status.running': 'Checking…',
  'check.framing-external': 'The external signing address lets the OA embed it',
  'check.framing-internal': 'The internal signing address lets the OA embed it',
  'check.protocol': 'OA and signing platform use the same protocol',
  'check.connection': 'Open platform address and credentials work',
  'check.sync-fresh': 'Provider data is synced and recent',
  'reason.framingAllowed': '{url} lets {origin} embed it',
  'reason.framingRefused': '{url} refuses to be embedded by {origin} ({policy})',
  'fix.framingRefused':
    'In the Qiyuesuo console, add {origin} under System settings › System security › Embed whitelist (separate several addresses with commas)',
  'reason.noInspect': 'This OA offers no embedding check (client.inspectFraming)',
  'reason.unreachable': 'The OA server cannot reach {url}: {detail}',
  'fix.unreachable': 'Check the signing address and that the OA server can reach it',
  'reason.noSigningUrl': 'The service configuration has no signing address',
  'reason.badPageUrl':
    'The OA address is not a valid http:// or https:// address, so protocols cannot be compared. Correct the OA address first',
  'reason.mixedContent':
    'The OA uses HTTPS but the signing platform {url} uses HTTP: the browser blocks it and shows a blank page',
  'reason.protocolDiffers': 'The OA uses HTTP but the signing platform {url} uses HTTPS: protocols differ',
  'fix.protocol':
    'Use the same protocol for OA and Qiyuesuo (HTTP/HTTPS must match); HTTPS for both is recommended',
  'reason.protocolsMatch': 'Both use {protocol}',
  'reason.connectionOk': 'The open platform answers and the App Token / App Secret are accepted',
  'reason.connectionFailed': '{step} failed: {detail}',
  'fix.connection': 'Check the open platform address, App Token and App Secret in the binding settings',
  'reason.connectionError': 'Could not run the check: {message}',
  'reason.neverSynced': 'Provider data has never been synced',
  'reason.stale':
    'Last synced {days, plural, one {# day} other {# days}} ago (more than {limit, plural, one {# day} other {# days}})',
  'reason.fresh': 'Last synced {ago, ago}',
  'reason.badTime': 'The sync time cannot be read',
  'fix.sync':
    'Click "Sync provider data" in the binding settings so seals, templates and flows reach the forms',
  'reason.publicSigning':
    'The public-cloud signing platform is run by Qiyuesuo; no embed whitelist to configure',
  'problem.oaBaseUrl': 'OA address: {message}',
  'problem.e9BaseUrl': 'Former E9 address: {message}',
  'item.switchToE10': 'Weaver OA version: switch from "Weaver E9 and earlier" to "Weaver E10"',
  'note.switchToE10':
    'Switch it in the Qiyuesuo console under Integration center › Integration management › Weaver ecology › Integration settings. Qiyuesuo shows a warning that switching may affect the persons already synced; an E9 → E10 upgrade keeps the same persons and mobile numbers, so it is safe to click "Confirm switch", then fill in the integration values above.',
  'setting.e10': 'Weaver E10',
  'check.callback': 'Qiyuesuo can call the OA back (CALLBACK_CHECK)',
  'check.openserver': 'Qiyuesuo can reach the OA open platform (/openserver)',
  'reason.noProbe': 'This OA offers no checks run from the Qiyuesuo side (services.probe)',
  'probe.callback.ok': 'Qiyuesuo sent CALLBACK_CHECK to {detail}; the OA answered success',
  'probe.callback.failed': 'Qiyuesuo’s CALLBACK_CHECK was not answered success: {detail}',
  'probe.openserver.ok': 'Qiyuesuo signed in with the open platform app_key / app_secret / corpId: {detail}',
  'probe.openserver.failed': 'Qiyuesuo cannot reach the OA open platform: {detail}',
  'probe.notSimulator':
    'This Qiyuesuo service cannot run this check for the OA; confirm it in the Qiyuesuo console',
  'probe.unreachable': 'The OA server cannot contact the Qiyuesuo open platform: {detail}',
  'probe.publicCloud': 'The public cloud is run by Qiyuesuo and cannot be checked from the OA',
  'fix.callback':
    'Check that the callback address entered in Qiyuesuo is reachable from the Qiyuesuo server and that the callback token / key match the OA; the OA must answer success',
  'fix.openserver':
    'Check the Weaver open platform address (E10 address/openserver), app_key, app_secret and corpId entered in Qiyuesuo, and that the Qiyuesuo server can reach that address',
};
export default en;

/** A missing or extra key (against zh-CN) is a type error here. */
export type Checked = ExactStrings<typeof checklistMessages, typeof en>;
