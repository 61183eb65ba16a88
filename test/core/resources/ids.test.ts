import { expect } from '@open-wc/testing';
import { isSealKind, parseIds, sameIds } from '../../../src/core/resources/ids.js';

describe('core/resources ids', () => {
  it('parses arrays and comma-separated strings: trimmed, no empties, no repeats, in order', () => {
    expect(parseIds(' a, b ,,a,c ')).to.deep.equal(['a', 'b', 'c']);
    expect(parseIds(['x', 2, ' x ', 3])).to.deep.equal(['x', '2', '3']);
    expect(parseIds('')).to.deep.equal([]);
    expect(parseIds(null)).to.deep.equal([]);
    expect(parseIds(undefined)).to.deep.equal([]);
  });
  it('refuses what is not IDs', () => {
    expect(parseIds(5)).to.equal(null);
    expect(parseIds({ id: 'a' })).to.equal(null);
    expect(parseIds(['a', { id: 'b' }])).to.equal(null);
  });
  it('sameIds compares order too; isSealKind', () => {
    expect(sameIds(['a', 'b'], ['a', 'b'])).to.equal(true);
    expect(sameIds(['a', 'b'], ['b', 'a'])).to.equal(false);
    expect(sameIds(['a'], ['a', 'b'])).to.equal(false);
    expect(isSealKind('physical-seal')).to.equal(true);
    expect(isSealKind('electronic-seal-flow')).to.equal(false);
  });
});
