import { afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { SoftAuthenticator } from '../../../../stories/authenticator';

/**
 * A software authenticator in WebAuthn's place for each test (the stories'
 * one), and the promise that passkey work leaves no trace: no unhandled
 * rejection and no console error, whatever the test did.
 */
export function softAuthenticatorPerTest(): () => SoftAuthenticator {
  let authenticator: SoftAuthenticator;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  // The passkey parts load on demand: compile them once before the tests, as a page would have them cached.
  beforeAll(() => warmPasskeyParts(), 60_000);

  beforeEach(() => {
    authenticator = new SoftAuthenticator();
    authenticator.install();
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
    vi.spyOn(console, 'error');
  });

  afterEach(async () => {
    // A rejection nobody handled surfaces a turn or two later.
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', onUnhandled);
    authenticator.uninstall();
    expect(unhandled).toEqual([]);
    expect(console.error).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  return () => authenticator;
}

/** Loads the on-demand passkey parts (and @simplewebauthn/browser) ahead, so a test's first render finds them ready. */
export async function warmPasskeyParts(): Promise<void> {
  await Promise.all([
    import('../../src/components/passkeys/PasskeySignIn'),
    import('../../src/components/passkeys/PasskeyOffer'),
    import('../../src/components/passkeys/PasskeysSection'),
    import('@simplewebauthn/browser'),
  ]);
}

/** The offer's heading, once it shows: after a sign-in's hashing and the part's loading, which a busy machine stretches. */
export function offerHeading(): Promise<HTMLElement> {
  return screen.findByRole('heading', { level: 1, name: 'Sign in faster next time' }, { timeout: 10_000 });
}
