// @vitest-environment jsdom
import * as stories from '../../../../stories/MockConsent.stories';
import { testStories } from './portable';

testStories(stories);
