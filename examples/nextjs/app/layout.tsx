import { LatchProvider } from '@latch/nextjs';
import { SignedIn, SignedOut } from '@latch/react';
import { UserButton } from '@latch/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';

export const metadata = { title: 'Latch on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '0 auto', maxWidth: 720, padding: 24 }}>
        {/* Reads the session on the server: the first HTML is already signed in or out. */}
        <LatchProvider>
          <header style={{ display: 'flex', gap: 16, alignItems: 'center', justifyContent: 'space-between' }}>
            <nav style={{ display: 'flex', gap: 16 }}>
              <Link href="/">Home</Link>
              <Link href="/posts">Posts</Link>
            </nav>
            <SignedIn>
              <UserButton showName afterSignOutUrl="/" />
            </SignedIn>
            <SignedOut>
              <Link href="/sign-in">Sign in</Link>
            </SignedOut>
          </header>
          <main>{children}</main>
        </LatchProvider>
      </body>
    </html>
  );
}
