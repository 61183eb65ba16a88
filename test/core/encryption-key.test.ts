import { expect } from '@open-wc/testing';
import {
  ENCRYPTION_KEY_PATTERN,
  encryptionKeyFromHex,
  generateEncryptionKey,
} from '../../src/core/binding/encryption-key.js';

describe('core/binding/encryption-key', () => {
  it('generateEncryptionKey: 16 characters in the 8-4-2 hex layout, a new key each time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateEncryptionKey()));
    expect(keys.size).to.equal(200);
    for (const k of keys) {
      expect(k).to.match(ENCRYPTION_KEY_PATTERN);
      expect(k).to.have.length(16);
    }
    // every hex digit shows up somewhere in every position group (not a fixed or biased digit)
    const digits = new Set([...keys].join('').replaceAll('-', ''));
    expect(digits.size).to.equal(16);
  });

  it('encryptionKeyFromHex lays out the first 14 digits, lower case; refuses fewer', () => {
    expect(encryptionKeyFromHex('60FB3ED93E184Fabcdef')).to.equal('60fb3ed9-3e18-4f');
    expect(() => encryptionKeyFromHex('60fb3ed93e18')).to.throw(RangeError);
    expect(() => encryptionKeyFromHex('60fb3ed9-3e18-4f')).to.throw(RangeError);
  });
});
