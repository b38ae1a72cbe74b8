// @vitest-environment jsdom
import { beforeAll, describe } from 'vitest';
import * as signInStories from '../../../../stories/SignInPasskeys.stories';
import * as profileStories from '../../../../stories/UserProfilePasskeys.stories';
import { warmPasskeyParts } from '../passkeys/harness';
import { testStories } from './portable';

beforeAll(() => warmPasskeyParts(), 60_000);

// Every passkey story, with the software authenticator in WebAuthn's place, and axe on each.
describe('SignIn passkeys', () => testStories(signInStories));
describe('UserProfile passkeys', () => testStories(profileStories));
