// English strings of the 'common' catalogue (common.messages.ts), loaded on demand: a page that shows
// only Chinese never downloads them. Same keys as zh-CN, checked by the type below.
import type { ExactStrings } from './localize.js';
import type { commonMessages } from './common.messages.js';

const en = {
  required: 'This field is required',
  invalid: 'The format is not valid. Enter it in the format shown',
  'id.required': 'The ID is missing',
  'text.tooLong': 'The text is too long. Shorten it and save again',
  'type.invalid': 'The data has the wrong type. Reload the page and try again',
  'number.invalid': 'Enter a whole number, 0 or more',
  'boolean.invalid': 'Must be true or false',
  'enum.invalid': 'Not one of the allowed values. Choose one from the list',
  'id.notAllowed': 'An ID cannot be given when creating. Remove it and save',
  'id.mismatch': 'The ID in the address differs from the ID in the data. Reload the page and try again',
  'org.notFound': 'A selected unit or person no longer exists in the OA. Remove it and save again',
  'signing.privateOnly':
    'Only a private-cloud service chooses between internal and external signing addresses',
  'signingUrlInternal.required':
    'No internal signing address is set, so signing cannot use it. Enter it in the binding settings',
  'datetime.invalid': 'The date-time is not valid',
  'url.invalid': 'Enter a complete address, e.g. https://qys.example.com',
  'url.protocol': 'The address must start with http:// or https://',
  'signingUrlInternal.requiredForAutoLogin':
    'Intranet auto-login is on: enter the internal address of the signing platform',
  'valueMissing.select': 'Select at least one item',
  'error.network': 'Could not reach the server. Check the network and try again',
  'error.redirect':
    'The server redirected the request to another address; it was refused for safety. Ask an administrator to check the API address',
  'error.unsafe-url':
    'The server sent an unsafe address; it was blocked. Ask an administrator to check the data',
  'url.unsafeScheme':
    'The server sent an address that is not http:// or https://; it was blocked for safety. Ask an administrator to check the data',
  'url.notAbsolute':
    'The server sent an address that is incomplete or malformed; it was blocked for safety. Ask an administrator to check the data',
  'error.server': 'The server failed to process the request. Try again later',
  'error.rejected': 'The server refused this request (HTTP {status}). Ask your administrator.',
  'error.timeout': 'The server did not answer in time. Try again later',
  'error.auth': 'Your session has expired or you are not allowed. Sign in again and retry',
  'error.conflict': 'Someone else changed this data',
  'error.validation': 'Some input was refused. Correct the fields marked below',
  'error.contract': 'The server sent data in an unexpected format ({path}). Contact your administrator',
  'error.not-found': 'Not found, or deleted',
  'error.unknown': 'Something went wrong: {message}',
  retry: 'Retry',
  cancel: 'Cancel',
  confirm: 'OK',
  close: 'Close',
  clear: 'Clear',
  remove: 'Remove',
  loading: 'Loading…',
  empty: 'No data',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed. Select the text and copy it by hand',
  noHost: 'No data source: place the element inside <qys-host-provider> or set its host property',
};
export default en;

/** A missing or extra key (against zh-CN) is a type error here. */
export type Checked = ExactStrings<typeof commonMessages, typeof en>;
