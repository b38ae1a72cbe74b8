import { LatchLoading, SignedIn } from '@latch/react';
import { SignIn, SignUp, UserButton, UserProfile } from '@latch/ui';
import { Outbox, type OutboxEmail } from './Outbox';
import { CustomPage } from './pages/CustomPage';
import { HomePage } from './pages/HomePage';
import { ProtectedPage } from './pages/ProtectedPage';
import { AdminPage } from './pages/AdminPage';
import { Link, matches, usePathname } from './router';
import { demoAccounts } from './demo';

export interface AppProps {
  /** Where the backend runs, for the page to say. */
  backendLabel: string;
  readOutbox: () => Promise<OutboxEmail[]>;
}

function Page({ pathname }: { pathname: string }) {
  if (matches(pathname, '/sign-in')) return <SignIn routing="path" path="/sign-in" signUpUrl="/sign-up" />;
  if (matches(pathname, '/sign-up')) return <SignUp routing="path" path="/sign-up" signInUrl="/sign-in" />;
  if (matches(pathname, '/user')) return <ProtectedUserProfile />;
  if (matches(pathname, '/protected')) return <ProtectedPage />;
  if (matches(pathname, '/custom')) return <CustomPage />;
  if (matches(pathname, '/admin')) return <AdminPage />;
  return <HomePage />;
}

function ProtectedUserProfile() {
  return (
    <SignedIn>
      <UserProfile routing="path" path="/user" />
    </SignedIn>
  );
}

export function App({ backendLabel, readOutbox }: AppProps) {
  const pathname = usePathname();
  return (
    <>
      <header className="topbar">
        <nav aria-label="Playground">
          <Link href="/">Latch playground</Link>
          <Link href="/sign-in">Sign in</Link>
          <Link href="/sign-up">Sign up</Link>
          <Link href="/user">Account</Link>
          <Link href="/protected">Protected</Link>
          <Link href="/custom">Hooks only</Link>
          <Link href="/admin">Admin</Link>
        </nav>
        <UserButton showName userProfileMode="navigation" userProfileUrl="/user" afterSignOutUrl="/" signInUrl="/sign-in" />
      </header>
      <main>
        <LatchLoading><p>Loading…</p></LatchLoading>
        <div className="wide page">
          <Page pathname={pathname} />
        </div>
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
        <Outbox read={readOutbox} />
      </main>
    </>
  );
}
