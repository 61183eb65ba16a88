import * as stories from '../../stories/network-strategy-editor.stories.js';
import { storiesSuite } from './stories-render.js';

storiesSuite(stories as never);
