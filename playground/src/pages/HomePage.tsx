import { SignedIn, SignedOut, useUser } from '@latch/react';
import { Link } from '../router';

export function HomePage() {
  const { user } = useUser();
  return (
    <section className="wide">
      <h2>Home</h2>
      <SignedOut>
        <p>
          You are signed out. <Link href="/sign-in">Sign in</Link> or <Link href="/sign-up">create an account</Link> with
          the drop-in components, or try the <Link href="/custom">form built from the hooks alone</Link>.
        </p>
      </SignedOut>
      <SignedIn>
        <p>
          Welcome, {user?.firstName ?? user?.primaryEmailAddress?.emailAddress}. Open the menu at the top right, visit your{' '}
          <Link href="/user">account</Link>, or the <Link href="/protected">protected page</Link>.
        </p>
      </SignedIn>
    </section>
  );
}
