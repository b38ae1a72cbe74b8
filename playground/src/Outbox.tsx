import { useEffect, useState } from 'react';

export interface OutboxEmail {
  to: string;
  subject: string;
  code?: string;
}

/**
 * The emails the backend "sent", newest first, so a person can read their
 * codes: the mock's outbox offline, the server's development outbox otherwise.
 */
export function Outbox({ read }: { read: () => Promise<OutboxEmail[]> }) {
  const [emails, setEmails] = useState<OutboxEmail[]>([]);
  // A light poll keeps this panel simple; both outboxes only ever grow.
  useEffect(() => {
    let live = true;
    const refresh = () => read().then((all) => live && setEmails(all), () => undefined);
    refresh();
    const timer = setInterval(refresh, 500);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [read]);

  const newestFirst = [...emails].reverse();
  return (
    <section className="wide" aria-live="polite">
      <h2>Outbox ({emails.length})</h2>
      {emails.length === 0 ? (
        <p>No email sent yet. Codes for sign-up, email sign-in and password reset appear here.</p>
      ) : (
        <table>
          <thead><tr><th>To</th><th>Subject</th><th>Code</th></tr></thead>
          <tbody>
            {newestFirst.map((email, i) => (
              <tr key={emails.length - i}><td>{email.to}</td><td>{email.subject}</td><td><code>{email.code ?? '—'}</code></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
