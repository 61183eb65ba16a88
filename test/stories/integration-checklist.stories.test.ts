import * as stories from '../../stories/integration-checklist.stories.js';
import { storiesSuite } from './stories-render.js';

storiesSuite(stories as never);
