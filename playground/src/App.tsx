import { LatchLoading, SignedIn, SignedOut } from '@latch/react';
import type { MockBackend } from '@latch/mock';
import { Account } from './Account';
import { Outbox } from './Outbox';
import { SignInForm } from './SignInForm';
import { SignUpForm } from './SignUpForm';
import { demoAccounts } from './demo';

export function App({ backend }: { backend: MockBackend }) {
  return (
    <main>
      <h1>Latch playground</h1>
      <section className="wide">
        <h2>Demo accounts</h2>
        <p>Everything runs in this tab on the mock backend; reload to start over.</p>
        <ul>
          {demoAccounts.map((account) => (
            <li key={account.emailAddress}>
              <code>{account.emailAddress}</code> / <code>{account.password}</code>
              {account.backupCodes && <> · TOTP on, backup code <code>{account.backupCodes[0]}</code></>}
            </li>
          ))}
        </ul>
      </section>
      <LatchLoading><p>Loading…</p></LatchLoading>
      <SignedOut>
        <section><SignInForm /></section>
        <section><SignUpForm /></section>
      </SignedOut>
      <SignedIn>
        <Account />
      </SignedIn>
      <Outbox backend={backend} />
    </main>
  );
}
