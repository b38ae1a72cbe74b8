// @vitest-environment jsdom
import * as stories from '../../../../stories/SignUp.stories';
import { testStories } from './portable';

testStories(stories);
