// @vitest-environment jsdom
import * as stories from '../../../../stories/UserButton.stories';
import { testStories } from './portable';

testStories(stories);
