import * as stories from '../../stories/browse-field.stories.js';
import { storiesSuite } from './stories-render.js';

storiesSuite(stories as never);
