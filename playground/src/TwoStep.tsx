import { useId, useState, type FormEvent } from 'react';
import { useUser } from '@latch/react';
import { errorText } from './errorText';

/** Turning TOTP on and off from the hooks alone: secret → first code → backup codes. */
export function TwoStep() {
  const { user } = useUser();
  const [secret, setSecret] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [backupCodes, setBackupCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  async function attempt(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    }
  }

  const start = () => attempt(async () => setSecret((await user!.createTOTP()).secret));
  const verify = (event: FormEvent) => {
    event.preventDefault();
    return attempt(async () => {
      setBackupCodes((await user!.verifyTOTP({ code })).backupCodes);
      setSecret(null);
      setCode('');
    });
  };
  const turnOff = () => attempt(async () => void (await user!.disableTOTP()));

  if (!user) return null;
  return (
    <section>
      <h2>Two-step verification</h2>
      {user.totpEnabled ? (
        <>
          <p>On: sign-in asks for an authenticator code.</p>
          {backupCodes && (
            <>
              <p>Backup codes, shown once; each works one time:</p>
              <ul aria-label="Backup codes">{backupCodes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
            </>
          )}
          <button type="button" onClick={turnOff}>Turn off</button>
        </>
      ) : secret ? (
        <form onSubmit={verify} aria-describedby={error ? errorId : undefined}>
          <p>Add this secret to your authenticator app: <code aria-label="TOTP secret">{secret}</code></p>
          <label htmlFor="totp-code">Code from the app</label>
          <input id="totp-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit">Turn on</button>
        </form>
      ) : (
        <button type="button" onClick={start}>Set up an authenticator app</button>
      )}
      <div role="alert" id={errorId}>{error}</div>
    </section>
  );
}
