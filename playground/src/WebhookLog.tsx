import { useEffect, useState } from 'react';

/** One delivery the dev server's receiver got (see playground/webhook-log.ts). */
export interface WebhookLogEntry {
  id: string | null;
  type: string | null;
  receivedAt: string;
  verified: boolean;
  error: string | null;
}

async function readLog(): Promise<WebhookLogEntry[] | null> {
  const response = await fetch('/api/webhooks/log', { cache: 'no-store' });
  // The offline mock has no receiver: no log rather than an error.
  if (!response.ok) return null;
  return ((await response.json()) as { data: WebhookLogEntry[] }).data;
}

/**
 * The webhooks the playground's own receiver got, newest first, read-only:
 * for the admin page's webhook panel (`<WebhookLog />` replaces its placeholder).
 */
export function WebhookLog({ read = readLog }: { read?: () => Promise<WebhookLogEntry[] | null> }) {
  const [entries, setEntries] = useState<WebhookLogEntry[] | null | undefined>(undefined);
  // A light poll, like the outbox: deliveries arrive within a second or so of the change.
  useEffect(() => {
    let live = true;
    const refresh = () => read().then((log) => live && setEntries(log), () => live && setEntries(null));
    refresh();
    const timer = setInterval(refresh, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [read]);

  return (
    <section aria-labelledby="webhook-log-heading" data-panel="webhook-log" aria-live="polite">
      <h2 id="webhook-log-heading">Webhook log</h2>
      {entries === undefined ? (
        <p>Loading…</p>
      ) : entries === null ? (
        <p>No webhook receiver: the offline mock sends no webhooks. Run the playground with the server (npm start).</p>
      ) : entries.length === 0 ? (
        <p>No webhook received yet. Sign up or sign in, and the events appear here.</p>
      ) : (
        <table>
          <thead>
            <tr><th>Received</th><th>Event</th><th>Message</th><th>Signature</th></tr>
          </thead>
          <tbody>
            {entries.map((entry, i) => (
              <tr key={`${entry.id ?? 'none'}-${entries.length - i}`}>
                <td>{new Date(entry.receivedAt).toLocaleTimeString()}</td>
                <td>{entry.type ?? '—'}</td>
                <td><code>{entry.id ?? '—'}</code></td>
                <td>{entry.verified ? 'verified' : `refused (${entry.error ?? 'unknown'})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
