import { LatchLoading, SignedIn, SignedOut } from '@latch/react';
import { Account } from './Account';
import { Outbox, type OutboxEmail } from './Outbox';
import { ProtectedApi } from './ProtectedApi';
import { SignInForm } from './SignInForm';
import { SignUpForm } from './SignUpForm';
import { TwoStep } from './TwoStep';
import { demoAccounts } from './demo';

export interface AppProps {
  /** Where the backend runs, for the page to say. */
  backendLabel: string;
  readOutbox: () => Promise<OutboxEmail[]>;
}

export function App({ backendLabel, readOutbox }: AppProps) {
  return (
    <main>
      <h1>Latch playground</h1>
      <section className="wide">
        <h2>Demo accounts</h2>
        <p>{backendLabel}</p>
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
        <TwoStep />
        <ProtectedApi />
      </SignedIn>
      <Outbox read={readOutbox} />
    </main>
  );
}
