// @vitest-environment jsdom
import * as stories from '../../../../stories/UserProfile.stories';
import { testStories } from './portable';

testStories(stories);
