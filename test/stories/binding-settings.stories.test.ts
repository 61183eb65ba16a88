import * as stories from '../../stories/binding-settings.stories.js';
import { storiesSuite } from './stories-render.js';

storiesSuite(stories as never);
