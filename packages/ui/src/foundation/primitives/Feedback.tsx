import type { ReactNode } from 'react';
import { useElement } from '../appearance/useElement';

/** An announced message (errors not tied to a field). `variant` shows as data-variant for styling. */
export function Alert({ children, variant = 'danger' }: { children: ReactNode; variant?: 'danger' | 'success' | 'warning' | 'info' }) {
  const box = useElement('alert', { error: variant === 'danger' });
  const text = useElement('alertText');
  // Success and info are polite (status); only problems interrupt (alert).
  const role = variant === 'danger' || variant === 'warning' ? 'alert' : 'status';
  return (
    <div {...box} role={role} data-variant={variant}>
      <p {...text}>{children}</p>
    </div>
  );
}

/** A rule with optional text ("or"); the rule itself is hidden from screen readers. */
export function Divider({ text }: { text?: string }) {
  const divider = useElement('divider');
  const label = useElement('dividerText');
  return <div {...divider}>{text ? <span {...label}>{text}</span> : <hr aria-hidden="true" />}</div>;
}

/** A small label ("Primary", "This device"). */
export function Badge({ children }: { children: ReactNode }) {
  return <span {...useElement('badge')}>{children}</span>;
}
