// <qys-org-scope-picker>, the first on a cold page that already shows Chinese text (issue #16 target):
// see bench/org-scope-picker.cold.ts.
import { coldPicker } from './org-scope-picker.cold.js';

describe('org-scope-picker, cold page', () => {
  it('first mount → first rows painted, then warm mounts', () => coldPicker(true));
});
