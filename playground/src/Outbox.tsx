import { useEffect, useState } from 'react';
import { useLatch } from '@latch/react';
import { Link } from './router';

export interface OutboxEmail {
  to: string;
  subject: string;
  code?: string;
  /** An email link (sign-in, sign-up or address verification by link): the app's verify page with its token. */
  link?: string;
}

/**
 * The emails the backend "sent", newest first, so a person can read their
 * codes: the mock's outbox offline, the server's development outbox otherwise.
 * Read again whenever the client hears from the backend (every answer carries
 * the client, and every email is sent by a request the page made) and when the
 * tab comes back into view: no timer.
 */
export function Outbox({ read }: { read: () => Promise<OutboxEmail[]> }) {
  const client = useLatch();
  const [emails, setEmails] = useState<OutboxEmail[]>([]);
  useEffect(() => {
    let live = true;
    const refresh = () => void read().then((all) => live && setEmails(all), () => undefined);
    refresh();
    const unsubscribe = client.subscribe(refresh);
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [client, read]);

  const newestFirst = [...emails].reverse();
  return (
    <section className="panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Outbox ({emails.length})</h2>
      <div aria-live="polite">
        {emails.length === 0 ? (
          <p className="muted">No email sent yet. Codes and links for sign-up, email sign-in and password reset appear here.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead><tr><th>To</th><th>Subject</th><th>Code</th><th>Link</th></tr></thead>
              <tbody>
                {newestFirst.map((email, i) => (
                  <tr key={emails.length - i}><td>{email.to}</td><td>{email.subject}</td><td><code>{email.code ?? '—'}</code></td><td>{email.link ? <EmailLink href={email.link} to={email.to} /> : '—'}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * The emailed link, as a person would follow it from their inbox. On this
 * origin it opens in the page (the offline mock lives in this tab, and a new
 * page would start it over); a modifier key or the context menu still opens
 * it in another tab or window, as from a mail client.
 */
function EmailLink({ href, to }: { href: string; to: string }) {
  const url = new URL(href, window.location.href);
  const label = `Open the link for ${to}`;
  if (url.origin !== window.location.origin) return <a href={url.href} aria-label={label}>Open link</a>;
  return <Link href={url.pathname + url.search} aria-label={label}>Open link</Link>;
}
