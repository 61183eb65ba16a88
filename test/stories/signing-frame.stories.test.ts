import * as stories from '../../stories/signing-frame.stories.js';
import { storiesSuite } from './stories-render.js';

storiesSuite(stories as never);
