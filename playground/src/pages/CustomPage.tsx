import { SignedIn, SignedOut } from '@latch/react';
import { Account } from '../Account';
import { SignInForm } from '../SignInForm';
import { SignUpForm } from '../SignUpForm';
import { TwoStep } from '../TwoStep';

/** Sign-in, sign-up and two-step setup written with the hooks only: no @latch/ui on this page. */
export function CustomPage() {
  return (
    <>
      <SignedOut>
        <section><SignInForm /></section>
        <section><SignUpForm /></section>
      </SignedOut>
      <SignedIn>
        <Account />
        <TwoStep />
      </SignedIn>
    </>
  );
}
