// @vitest-environment jsdom
import { describe } from 'vitest';
import * as signInStories from '../../../../stories/SignInPasskeys.stories';
import * as profileStories from '../../../../stories/UserProfilePasskeys.stories';
import { testStories } from './portable';

// Every passkey story, with the software authenticator in WebAuthn's place, and axe on each.
describe('SignIn passkeys', () => testStories(signInStories));
describe('UserProfile passkeys', () => testStories(profileStories));
