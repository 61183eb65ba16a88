// #14.5 / #14.6: a service created by 一键部署 is marked as such with what the admin still has to fill,
// and the last person sync (人员同步) is shown with its counts.
import { expect } from '@open-wc/testing';
import { $$, mount } from './helpers.js';
import { privateBinding, publicBinding } from './test-host.js';
import type { Binding } from '../../../src/api/schemas.js';

const deployed = (): Binding =>
  ({
    ...privateBinding(),
    id: 'svc-deployed',
    name: '契约锁私有云（一键部署）',
    isDefault: false,
    createdBy: 'deploy',
    pendingFields: ['signatories', 'scope'],
    personSync: { at: '2026-03-02T16:00:00.000Z', subcompanies: 1, departments: 12, persons: 348 },
  }) as Binding;

describe('<qys-binding-settings> 一键部署 and person sync facts', () => {
  it('marks the deployed service and lists what is left to fill; other rows show neither', async () => {
    const { el } = await mount({ bindings: [privateBinding(), publicBinding(), deployed()] });
    const row = $$(el, 'tbody tr').find((r) => r.dataset.id === 'svc-deployed')!;
    const t = row.textContent!.replace(/\s+/g, ' ');
    expect(row.querySelector('.badge.deployed')!.textContent).to.contain('一键部署创建');
    expect(t).to.contain('还需填写：签章人员、组织架构同步范围');
    expect(t)
      .to.contain('上次人员同步')
      .and.contain('1 个分部')
      .and.contain('12 个部门')
      .and.contain('348 人');
    const plain = $$(el, 'tbody tr').find((r) => r.dataset.id === privateBinding().id)!;
    expect(plain.querySelector('.deployed')).to.equal(null);
    expect(plain.querySelector('.pending')).to.equal(null);
    expect(plain.querySelector('.person-sync')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says the same in English', async () => {
    const { el } = await mount({ bindings: [deployed()], lang: 'en' });
    const t = $$(el, 'tbody tr')[0]!.textContent!.replace(/\s+/g, ' ');
    expect(t).to.contain('Created by one-click deploy');
    expect(t).to.contain('Still to fill in: signatories, org sync scope');
    expect(t).to.contain('persons: 348');
  });
});
