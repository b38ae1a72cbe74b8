import { useState } from 'react';
import { useAuth, useSessionList, useUser } from '@latch/react';
import { errorText } from './errorText';

/** Reads the session JWT's claims; the signature is the server's business, not the page's. */
function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
}

export function Account() {
  const { user } = useUser();
  const { sessionId, getToken, signOut } = useAuth();
  const { sessions, setActive } = useSessionList();
  const [claims, setClaims] = useState<string | null>(null);

  async function showToken() {
    try {
      const jwt = await getToken({ skipCache: true });
      setClaims(jwt ? JSON.stringify(claimsOf(jwt), null, 2) : 'No session');
    } catch (e) {
      setClaims(errorText(e));
    }
  }

  if (!user) return null;
  return (
    <section>
      <h2>Signed in as {user.fullName || user.username || user.primaryEmailAddress?.emailAddress}</h2>
      <p>{user.primaryEmailAddress?.emailAddress} · two-step verification {user.twoFactorEnabled ? 'on' : 'off'}</p>
      <button type="button" onClick={showToken}>Show session token claims</button>
      {claims && <pre aria-label="Session token claims">{claims}</pre>}
      {sessions.length > 1 && (
        <>
          <h3>Accounts in this browser</h3>
          <ul>
            {sessions.map((s) => (
              <li key={s.id}>
                {s.user.primaryEmailAddress?.emailAddress}{' '}
                {s.id === sessionId ? '(active)' : <button type="button" className="link" onClick={() => setActive({ session: s.id })}>Switch</button>}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={() => signOut({ sessionId: sessionId ?? undefined })}>Sign out</button>
      {sessions.length > 1 && <button type="button" onClick={() => signOut()}>Sign out of all accounts</button>}
    </section>
  );
}
