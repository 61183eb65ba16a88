import * as stories from '../../stories/host-provider.stories.js';
import { storiesSuite } from './stories-render.js';

storiesSuite(stories as never);
