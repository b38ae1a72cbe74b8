import { useState } from 'react';
import { useAuth } from '@latch/react';
import { errorText } from './errorText';

/**
 * Calls the app's own API with the session JWT, as a real app would. The
 * route (`/api/me`) checks the token with @latch/backend and answers who
 * the caller is.
 */
export function ProtectedApi() {
  const { getToken } = useAuth();
  const [answer, setAnswer] = useState<string | null>(null);

  async function call() {
    try {
      const token = await getToken();
      const response = await fetch('/api/me', { headers: token ? { authorization: `Bearer ${token}` } : {} });
      setAnswer(`${response.status} ${await response.text()}`);
    } catch (e) {
      setAnswer(errorText(e));
    }
  }

  return (
    <section>
      <h2>Protected API</h2>
      <p><code>GET /api/me</code> answers only with a valid session token.</p>
      <button type="button" onClick={call}>Call the protected API</button>
      {answer && <pre aria-label="API answer">{answer}</pre>}
    </section>
  );
}
