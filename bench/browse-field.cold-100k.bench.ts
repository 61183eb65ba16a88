// Cold page, 100,000 items: imports only the browse-field define entry (bench/browse-field.cold.ts).
import '../src/components/browse-field/define.js';
import { coldOpen } from './browse-field.cold.js';

describe('browse-field cold (100,000 items)', () => {
  it('first open → cells painted', async () => {
    await coldOpen(100_000, '100,000');
  });
});
