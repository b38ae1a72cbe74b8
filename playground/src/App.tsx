import { LatchLoading } from '@latch/react';
import { SignIn, SignUp, UserButton, UserProfile } from '@latch/ui';
import { Outbox, type OutboxEmail } from './Outbox';
import { CustomPage } from './pages/CustomPage';
import { HomePage } from './pages/HomePage';
import { ProtectedPage } from './pages/ProtectedPage';
import { AdminPage } from './pages/AdminPage';
import { MockConsentPage } from './pages/MockConsentPage';
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
  // Signed out, <UserProfile/> sends the visitor to sign-in and back.
  if (matches(pathname, '/user')) return <UserProfile routing="path" path="/user" signInUrl="/sign-in" />;
  if (matches(pathname, '/protected')) return <ProtectedPage />;
  if (matches(pathname, '/custom')) return <CustomPage />;
  if (matches(pathname, '/admin')) return <AdminPage />;
  // The mock's fake provider page (offline mode's social sign-in); the real server's providers have their own.
  if (matches(pathname, '/mock-oauth-consent')) return <MockConsentPage />;
  return <HomePage />;
}

export function App({ backendLabel, readOutbox }: AppProps) {
  const pathname = usePathname();
  const here = (prefix: string) => (prefix === '/' ? pathname === '/' : matches(pathname, prefix)) || undefined;
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/" className="brand" aria-current={here('/') && 'page'}>
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Latch</span>
          </Link>
          {/* Room for more entries (an admin page): the row scrolls sideways on a phone rather than wrapping. */}
          <nav aria-label="Playground" className="topnav">
            {routes.map(([href, label]) => (
              <Link key={href} href={href} aria-current={here(href) && 'page'}>
                {label}
              </Link>
            ))}
          </nav>
          <UserButton showName userProfileMode="navigation" userProfileUrl="/user" afterSignOutUrl="/" signInUrl="/sign-in" />
        </div>
      </header>
      <main className="stage">
        <LatchLoading><p className="muted">Loading…</p></LatchLoading>
        <div className="page">
          <Page pathname={pathname} />
        </div>
        <aside className="devtools" aria-label="Playground tools">
          <section className="panel">
            <h2>Demo accounts</h2>
            <p className="muted">{backendLabel}</p>
            <ul className="accounts">
              {demoAccounts.map((account) => (
                <li key={account.emailAddress}>
                  <strong>{account.firstName} {account.lastName}</strong>
                  <span><code>{account.emailAddress}</code> / <code>{account.password}</code></span>
                  {account.totpSecret && (
                    <span>
                      Two-step on: authenticator key <code>{account.totpSecret}</code>
                      {account.backupCodes && <>, or backup code <code>{account.backupCodes[0]}</code></>}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <Outbox read={readOutbox} />
        </aside>
      </main>
    </>
  );
}

const routes = [
  ['/sign-in', 'Sign in'],
  ['/sign-up', 'Sign up'],
  ['/user', 'Account'],
  ['/protected', 'Protected'],
  ['/custom', 'Hooks only'],
  ['/admin', 'Admin'],
] as const;
