import { useEffect, useState, type ReactNode } from 'react';
import { useElement } from '../appearance/useElement';
import type { ElementKey } from '../elements';
import { useLocalization } from '../localization/useLocalization';
import { Spinner } from '../primitives/Buttons';
import { Alert } from '../primitives/Feedback';
import { useAsyncAction } from '../useAsyncAction';

/** How long after a code was sent before another may be asked for. */
export const resendDelayMs = 30_000;

/**
 * Whole seconds until `sentAt + delayMs`, ticking every second; 0 when there
 * is no wait. Counted from a deadline, not by decrements, so a throttled
 * background tab still shows the right number when it wakes.
 */
export function useCountdown(sentAt: number | null, delayMs: number): number {
  const end = sentAt === null ? 0 : sentAt + delayMs;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (end <= Date.now()) return;
    const timer = setInterval(() => {
      const time = Date.now();
      setNow(time);
      if (time >= end) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [end]);
  // `now` may predate a resend that just happened; the cap keeps the first tick honest.
  return Math.min(Math.ceil(delayMs / 1000), Math.max(0, Math.ceil((end - now) / 1000)));
}

export interface ResendCodeProps {
  /** Sends a new code (the caller's `prepare…` call). */
  send(): Promise<unknown>;
  /** When the code now on its way was sent (ms, this page's clock), or null when not in this page's life: no wait then. */
  sentAt: number | null;
  /** A new code went out: the caller moves `sentAt` to now, which restarts the countdown. */
  onSent(): void;
  /** The caller's words: the button, the button while it waits, and the confirmation. */
  text: { action: string; wait(seconds: number): string; sent: string };
  /** Appearance key of a box around the button, for a component that styles one. */
  box?: ElementKey;
}

/**
 * "Resend code", unavailable for a while after each send so nobody fills
 * their own inbox. The button stays focusable while it waits or sends
 * (aria-disabled, not disabled), so a keyboard user who just pressed it
 * keeps their place; the countdown is not a live region, so it does not talk
 * every second, but a sent code is announced (status) and a failure too (alert).
 */
export function ResendCode({ send, sentAt, onSent, text, box }: ResendCodeProps) {
  const { errorMessage } = useLocalization();
  const action = useAsyncAction();
  const [sent, setSent] = useState(false);
  const remaining = useCountdown(sentAt, resendDelayMs);
  const waiting = remaining > 0;
  const button = useElement('resendButton', { loading: action.loading });
  const countdown = useElement('countdown');

  const resend = () => {
    if (waiting || action.loading) return;
    setSent(false);
    void action.run(async () => {
      await send();
      onSent();
      setSent(true);
    });
  };

  return (
    <>
      <Box element={box}>
        <button {...button} type="button" aria-disabled={waiting || action.loading || undefined} aria-busy={action.loading || undefined} onClick={resend}>
          {action.loading && <Spinner />}
          {waiting ? <span {...countdown}>{text.wait(remaining)}</span> : text.action}
        </button>
      </Box>
      {sent && <Alert variant="success">{text.sent}</Alert>}
      {action.error ? <Alert>{errorMessage(action.error)}</Alert> : null}
    </>
  );
}

function Box({ element, children }: { element: ElementKey | undefined; children: ReactNode }) {
  return element ? <StyledBox element={element}>{children}</StyledBox> : children;
}

function StyledBox({ element, children }: { element: ElementKey; children: ReactNode }) {
  return <div {...useElement(element)}>{children}</div>;
}
