// @vitest-environment jsdom
import * as signIn from '../../../../stories/SignInEmailLink.stories';
import * as signUp from '../../../../stories/SignUpEmailLink.stories';
import * as userProfile from '../../../../stories/UserProfileEmailLink.stories';
import { describe } from 'vitest';
import { testStories } from './portable';

// Every email-link story, in jsdom with axe: the waiting steps, the verify page, its errors.
describe('SignIn', () => testStories(signIn));
describe('SignUp', () => testStories(signUp));
describe('UserProfile', () => testStories(userProfile));
