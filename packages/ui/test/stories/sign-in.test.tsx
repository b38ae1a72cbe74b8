// @vitest-environment jsdom
import * as stories from '../../../../stories/SignIn.stories';
import { testStories } from './portable';

testStories(stories);
