// A first open() on a page must not wait for the on-demand zone resolver and framing-verdict chunks (issue #16:
// they were most of its 28 ms): an element with a host starts loading them when connected. This file is a page
// of its own where nothing else loads those modules.
import { expect } from '@open-wc/testing';
import { createMemoryHost } from '../../../src/api/memory-host/index.js';
import '../../../src/components/signing-frame/define.js';

const requested = (re: RegExp) => performance.getEntriesByType('resource').some((r) => re.test(r.name));

async function until(cond: () => boolean, timeout = 5000): Promise<boolean> {
  for (const t0 = Date.now(); !cond(); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() - t0 > timeout) return false;
  return true;
}

describe('qys-signing-frame prefetch', () => {
  it('loads nothing on demand while it has no host', async () => {
    const el = document.createElement('qys-signing-frame');
    el.contractId = '2880000000000000001';
    document.body.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    expect(requested(/network-strategy\/resolve/)).to.equal(false);
    el.remove();
  });

  it('starts loading the zone resolver and the framing verdict once connected with a host, before open()', async () => {
    const el = document.createElement('qys-signing-frame');
    el.host = createMemoryHost();
    el.contractId = '2880000000000000001';
    document.body.append(el);
    await el.updateComplete;
    expect(await until(() => requested(/network-strategy\/resolve/)), 'resolver requested').to.equal(true);
    expect(await until(() => requested(/integration\/framing/)), 'framing verdict requested').to.equal(true);
    expect(el.state).to.equal('idle');
    el.remove();
  });
});
