// @vitest-environment jsdom
import * as stories from '../../../../stories/ConnectedAccounts.stories';
import { testStories } from './portable';

testStories(stories);
