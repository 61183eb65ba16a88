import { expect } from '@open-wc/testing';
import { CONTRACT_METHODS, isOptionalMethod } from '../../src/api/host.js';
import { METHOD_ROUTES, routes } from '../../src/api/rest.js';
import { createMemoryHost, MEMORY_HOST_METHODS } from '../../src/api/memory-host/index.js';

describe('the contract methods, listed once', () => {
  it('every REST route belongs to exactly one contract method', () => {
    const owners = new Map<string, string[]>();
    for (const [method, names] of Object.entries(METHOD_ROUTES))
      for (const n of names) owners.set(n, [...(owners.get(n) ?? []), method]);
    for (const name of Object.keys(routes)) expect(owners.get(name), name).to.have.length(1);
    expect([...owners.keys()].sort()).to.deep.equal(Object.keys(routes).sort());
  });
  it('the memory host implements every method and fails by the same keys', () => {
    const host = createMemoryHost() as unknown as Record<string, Record<string, unknown>>;
    expect(MEMORY_HOST_METHODS).to.equal(CONTRACT_METHODS);
    for (const m of CONTRACT_METHODS) {
      const [group, name] = m.split('.') as [string, string];
      expect(typeof host[group]![name], m).to.equal('function');
    }
    expect(CONTRACT_METHODS.filter(isOptionalMethod)).to.deep.equal([
      'services.probe',
      'client.inspectFraming',
    ]);
  });
});
