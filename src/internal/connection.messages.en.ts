// English strings of the 'connection' catalogue (connection.messages.ts), loaded on demand: a page that shows
// only Chinese never downloads them. Same keys as zh-CN, checked by the type below.
import type { ExactStrings } from './localize.js';
import type { connectionMessages } from './connection.messages.js';

const en = {
  'step.reach': 'Reaching the open platform',
  'step.auth': 'Checking the credentials',
  'step.signing': 'Reaching the external signing address',
  'step.signingInternal': 'Reaching the internal signing address',
  'reach.ok': 'The open platform address answers',
  'reach.failed': 'The open platform address cannot be reached. Check the address and the network',
  'reach.invalidUrl': 'The open platform address is not a valid address',
  'reach.notQiyuesuo':
    'This address is not a Qiyuesuo open platform. Check that you entered the open platform address (usually port 9182)',
  'auth.ok': 'App Token / App Secret accepted',
  'auth.badToken':
    'Qiyuesuo does not know this App Token. Copy it from the integration app settings in Qiyuesuo',
  'auth.badSecret': 'The App Secret is wrong. Copy it from the integration app settings in Qiyuesuo',
  'auth.clockSkew':
    'The OA and Qiyuesuo server clocks differ by more than 5 minutes. Synchronise the server time',
  'auth.rejected': 'Qiyuesuo refused the credentials. Check the App Token and App Secret',
  'auth.secretMissing': 'The App Secret has not been entered',
  'appSecret.requiredForNewAddress':
    'The open platform address changed: enter the App Secret again (the saved secret only works for the old address)',
  'signing.ok': 'The signing address answers',
  'signing.failed': 'The signing address cannot be reached. Check the address and the network',
  'step.embed': 'Embed whitelist',
  'step.sso': 'Single sign-on (encryption key)',
  'embed.ok': 'The signing platform lets this OA page embed it',
  'embed.refused':
    'The signing platform does not let this OA page embed it. Add the OA address to the embed whitelist in Qiyuesuo',
  'sso.ok': 'Encryption key accepted; single sign-on works',
  'sso.badKey':
    'Single sign-on failed: the encryption key differs from the one in Qiyuesuo. Copy it from the integration app in Qiyuesuo',
  'sso.unknownUser':
    'Single sign-on failed: Qiyuesuo has no person with your mobile number. Sync the persons first',
  'sso.keyFormat': 'The encryption key must be 16 characters. Copy it from the integration app in Qiyuesuo',
  'encryptionKey.format':
    'The encryption key must be exactly 16 characters (letters, digits or ASCII symbols, no spaces), e.g. 60fb3ed9-3e18-4f. Use Regenerate to make one.',
  'sso.failed':
    'Single sign-on failed: the signing platform did not open the signed-in page. Check the signing address and the encryption key',
  skipped: 'Skipped because an earlier step failed',
};
export default en;

/** A missing or extra key (against zh-CN) is a type error here. */
export type Checked = ExactStrings<typeof connectionMessages, typeof en>;
