// Cold page, 10,000 items: imports only the browse-field define entry (bench/browse-field.cold.ts).
import '../src/components/browse-field/define.js';
import { coldOpen } from './browse-field.cold.js';

describe('browse-field cold (10,000 items)', () => {
  it('first open → cells painted', async () => {
    await coldOpen(10_000, '10,000');
  });
});
