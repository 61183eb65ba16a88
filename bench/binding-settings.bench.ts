import '../src/components/host-provider/define.js';
import '../src/components/binding-settings/define.js';
import { createMemoryHost } from '../src/api/memory-host/index.js';
import type { QysBindingSettings } from '../src/components/binding-settings/binding-settings.js';
import { median, record } from './record.js';

const until = async (cond: () => unknown) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

describe('binding-settings benchmarks', () => {
  it('keystroke in a field and opening a service (100,000-person org behind the pickers)', async () => {
    const host = createMemoryHost({ orgSize: 'large' });
    const el = document.createElement('qys-binding-settings') as QysBindingSettings;
    el.host = host;
    document.body.append(el);
    await until(() => el.bindings);
    const id = host.control.samples.defaultServiceId!;
    el.serviceId = id;
    await until(() => el.shadowRoot!.querySelector('#f-appToken'));
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#f-appToken')!;
    let n = 0;
    const keystroke = await median(21, async () => {
      input.value = `token-${++n}`;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    });
    const validate = await median(21, async () => {
      input.dispatchEvent(new FocusEvent('blur'));
      el.touch('openApiUrl');
      input.value = `t${++n}`;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    });
    await record(
      {
        area: 'binding-settings',
        name: 'keystroke in App Token (render)',
        value: keystroke,
        unit: 'ms',
        target: '< 16 ms',
      },
      {
        area: 'binding-settings',
        name: 'keystroke with validation shown (schema parse + render)',
        value: validate,
        unit: 'ms',
        target: '< 16 ms',
      },
    );
    el.remove();
  });
});
