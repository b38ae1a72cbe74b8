// @vitest-environment jsdom
import * as stories from '../../../../stories/SocialSignUp.stories';
import { testStories } from './portable';

testStories(stories);
