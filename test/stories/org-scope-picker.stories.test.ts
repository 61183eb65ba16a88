import * as stories from '../../stories/org-scope-picker.stories.js';
import { storiesSuite } from './stories-render.js';

storiesSuite(stories as never);
