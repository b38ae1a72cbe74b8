// @vitest-environment jsdom
import * as stories from '../../../../stories/SocialSignIn.stories';
import { testStories } from './portable';

testStories(stories);
