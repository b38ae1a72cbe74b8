import { useEffect, useState } from 'react';
import type { MockBackend } from '@latch/mock';

/** The mock's "sent" emails, newest first, so a person can read their codes. */
export function Outbox({ backend }: { backend: MockBackend }) {
  const [count, setCount] = useState(backend.outbox.length);
  // The outbox is a plain array filled by the mock; a light poll keeps this panel simple.
  useEffect(() => {
    const timer = setInterval(() => setCount(backend.outbox.length), 500);
    return () => clearInterval(timer);
  }, [backend]);

  const emails = backend.outbox.slice(0, count).reverse();
  return (
    <section className="wide" aria-live="polite">
      <h2>Mock outbox ({count})</h2>
      {emails.length === 0 ? (
        <p>No email sent yet. Codes for sign-up, email sign-in and password reset appear here.</p>
      ) : (
        <table>
          <thead><tr><th>To</th><th>Subject</th><th>Code</th></tr></thead>
          <tbody>
            {emails.map((email, i) => (
              <tr key={count - i}><td>{email.to}</td><td>{email.subject}</td><td><code>{email.code ?? '—'}</code></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
