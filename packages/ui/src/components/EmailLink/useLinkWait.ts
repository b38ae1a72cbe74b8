import { useCallback, useEffect, useRef, useState } from 'react';
import type { EmailLinkFlow } from '@latch/react';

/** `start(resume)`: with `resume`, a link already on its way (a reload while waiting) is waited for instead of sending another. */
type Flow<Result> = Pick<EmailLinkFlow<never, Result>, 'cancelEmailLinkFlow'> & { start(resume: boolean): Promise<Result> };

export interface LinkWait {
  /** When the link now on its way was asked for (this page's clock), for the resend countdown. */
  sentAt: number | null;
  /** Why sending (or waiting) failed, until the next send. */
  error: unknown;
  /** Stops the current wait and sends a new link. */
  resend(): void;
  /** Stops waiting; nothing the stopped wait brings back is acted on. */
  cancel(): void;
}

/**
 * Sends a link when the step mounts (unless one is already on its way: the
 * page was reloaded while waiting) and waits for it (`create()` makes a
 * flow: `signIn.createEmailLinkFlow()`, …): `onOpened` gets what the flow
 * resolves to once the link was opened or expired. One wait at a time; a
 * resend or cancel stops the previous one, whose answer is then ignored.
 * StrictMode runs the mount effect twice: the wait survives that (the stop
 * waits a tick to see whether the step really went away), so one email goes out.
 */
export function useLinkWait<Result>(create: () => Flow<Result>, onOpened: (result: Result) => void): LinkWait {
  const [sentAt, setSentAt] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const current = useRef<Flow<Result> | null>(null);
  const mounted = useRef(false);
  const latest = useRef({ create, onOpened });
  useEffect(() => {
    latest.current = { create, onOpened };
  });

  const cancel = useCallback(() => {
    current.current?.cancelEmailLinkFlow();
    current.current = null;
  }, []);

  const send = useCallback((resume: boolean) => {
    cancel();
    const flow = latest.current.create();
    current.current = flow;
    setError(null);
    setSentAt(Date.now());
    flow.start(resume).then(
      (result) => current.current === flow && latest.current.onOpened(result),
      (e: unknown) => current.current === flow && setError(e),
    );
  }, [cancel]);
  const resend = useCallback(() => send(false), [send]);

  useEffect(() => {
    mounted.current = true;
    if (!current.current) send(true);
    return () => {
      mounted.current = false;
      setTimeout(() => !mounted.current && cancel());
    };
  }, [send, cancel]);

  return { sentAt, error, resend, cancel };
}
