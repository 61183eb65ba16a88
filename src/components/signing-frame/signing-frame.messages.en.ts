// English strings of the 'signing-frame' catalogue (signing-frame.messages.ts), loaded on demand: a page that shows
// only Chinese never downloads them. Same keys as zh-CN, checked by the type below.
import type { ExactStrings } from '../../internal/localize.js';
import type { signingFrameMessages } from './signing-frame.messages.js';

const en = {
  title: 'Qiyuesuo signing page',
  preparing: 'Preparing the signing page…',
  loading: 'Opening the signing page…',
  popup: 'The signing page is open in a new window. This page updates when you finish there.',
  popupBlocked: 'The browser blocked the new window. Allow pop-ups for this site and try again.',
  signed: 'Signed.',
  declined: 'Declined.',
  cancelled: 'Signing cancelled.',
  'next.signed':
    'You can close this page or go back to the workflow; the signed file can be viewed and downloaded in Qiyuesuo.',
  'next.declined': 'The workflow stops here. To sign after all, ask the sender to send the contract again.',
  'next.cancelled': 'Signing is not finished: open this page again to continue.',
  expired: 'The signing link expired. Getting a new one…',
  unconfirmed: 'Qiyuesuo has not confirmed the contract state yet (now: {status}).',
  error: 'The signing page reported an error: {message}',
  hostError: 'Could not get a signing link: {message}',
  badUrl: 'The signing link is not a valid http(s) address; it was not opened. Contact an administrator',
  noHost: 'No data source: place the element inside <qys-host-provider> or set its host property.',
  noContract: 'No contract: set contract-id or params.',
  badBinding:
    "The signing service's internal/external settings are invalid: correct them in the binding settings.",
  'cause.csp': "This page's Content Security Policy does not allow the signing page in a frame.",
  'hint.csp':
    "Ask an administrator to add {origin} to frame-src in the OA's Content-Security-Policy, or open it in a new window for now.",
  'cause.frame-refused':
    'Qiyuesuo refused to be shown in this page (this site is not on its embed whitelist).',
  'hint.frame-refused':
    'In the Qiyuesuo console, go to System settings → Security → Embed whitelist (嵌入电子签平台页面白名单) and add {origin} (separate several addresses with commas), or open it in a new window for now.',
  'cause.mixed-content':
    'This page uses HTTPS and the signing platform uses HTTP; the browser blocks the frame.',
  'hint.mixed-content':
    'Change the signing address {origin} to HTTPS (OA and Qiyuesuo must use the same protocol), or open it in a new window for now.',
  'cause.expired': 'The signing link has expired.',
  'hint.expired': 'Retry. If it keeps happening, check that the OA server and Qiyuesuo server clocks agree.',
  'cause.login-required': 'Single sign-on failed; Qiyuesuo showed its login page.',
  'hint.login-required':
    'Retry. If it keeps happening, check that the encryption key in the binding settings matches Qiyuesuo and that this user is synced to Qiyuesuo.',
  'cause.third-party-storage':
    'Single sign-on went through, but the browser does not let the embedded signing page keep its sign-in (third-party cookies are blocked), so Qiyuesuo showed its login page.',
  'hint.third-party-storage':
    'Open the signing page in a new window, where this does not apply. Safari blocks third-party cookies by default; Chrome and others do when they are turned off.',
  'cause.unreachable': 'Cannot reach the signing platform {origin}.',
  'hint.unreachable': 'Check the network and the internal / external signing addresses, then retry.',
  retry: 'Retry',
  openWindow: 'Open in a new window',
  internal: 'internal network',
  external: 'external network',
  zone: 'Signing address: {zone}',
  rule: 'Signing address: {zone} (rule {rule})',
};
export default en;

/** A missing or extra key (against zh-CN) is a type error here. */
export type Checked = ExactStrings<typeof signingFrameMessages, typeof en>;
