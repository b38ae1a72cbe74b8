import { useCallback, useId, useRef, type ButtonHTMLAttributes, type KeyboardEvent, type ReactNode, type Ref, type RefObject } from 'react';
import { Alert, breakableEmails, PrimaryButton, SecondaryButton, Spinner, useAsyncAction, useCommitEffect, useElement, useLocalization } from '../../foundation';

/**
 * The building blocks every profile section shares: the section itself, its
 * status line, the inline panel that forms and confirmations open in, and the
 * buttons that open them (which must take a ref: focus returns to them).
 */

export interface SectionProps {
  title: string;
  /** The heading takes focus when what it introduced is gone (a removed email, a signed-out device). */
  headingRef?: RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
}

/** A titled part of a page, named by its `<h2>` so it is a landmark-like region for screen readers. */
export function Section({ title, headingRef, children }: SectionProps) {
  const id = useId();
  return (
    <section {...useElement('profileSection')} aria-labelledby={id}>
      <h2 {...useElement('profileSectionTitle')} id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <div {...useElement('profileSectionContent')}>{children}</div>
    </section>
  );
}

/**
 * A polite live region that is always in the page, so a message put into it
 * ("Your password has been updated.") is announced; one inserted together
 * with its text often is not. latch.css hides it while empty.
 */
export function SectionStatus({ message }: { message: string | null }) {
  return (
    <p {...useElement('profileSectionStatus')} role="status">
      {message}
    </p>
  );
}

/** An error not tied to a field, localized from whatever the API threw; nothing when there is none. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { errorMessage } = useLocalization();
  if (!error) return null;
  return <Alert>{errorMessage(error)}</Alert>;
}

export interface PanelProps {
  title: string;
  text?: ReactNode;
  /** Escape closes the panel, as it would a dialog; without it Escape does nothing (codes shown once must not vanish by accident). */
  onCancel?(): void;
  /** Forms focus their first field instead (autoFocus); panels that inform focus their title. */
  focusTitle?: boolean;
  /** 3 inside a section; 2 for a panel that stands for the whole page (the step-up confirmation). */
  headingLevel?: 2 | 3;
  children: ReactNode;
}

/**
 * An inline step inside a section (a form, a confirmation, an enrolment
 * step): a group named by its `<h3>`, which takes focus when the panel opens
 * so a screen reader reads where the user now is.
 */
export function Panel({ title, text, onCancel, focusTitle = true, headingLevel = 3, children }: PanelProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const textProps = useElement('profilePanelText');
  useCommitEffect(() => {
    if (focusTitle) heading.current?.focus();
  }, [focusTitle]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !onCancel) return;
    event.stopPropagation(); // Inside UserButton's modal, Escape closes this panel, not the whole dialog.
    onCancel();
  };
  return (
    <div {...useElement('profilePanel')} role="group" aria-labelledby={id} onKeyDown={onKeyDown}>
      <Heading {...useElement('profilePanelTitle')} id={id} ref={heading} tabIndex={-1}>
        {breakableEmails(title)}
      </Heading>
      {text && <p {...textProps}>{text}</p>}
      {children}
    </div>
  );
}

/** A section's explanatory paragraph ("Your account has a password."). */
export function SectionText({ children }: { children: ReactNode }) {
  return <p {...useElement('profileSectionText')}>{children}</p>;
}

/** The row of buttons at the bottom of a panel. */
export function PanelActions({ children }: { children: ReactNode }) {
  return <div {...useElement('profilePanelActions')}>{children}</div>;
}

export interface ActionButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'style' | 'type'> {
  loading?: boolean;
  /** Destructive actions ("Remove", "Sign out of this device") look the part. */
  danger?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * A section's own button ("Add email address", "Remove"). Unlike the form
 * buttons it takes a ref, because focus comes back to it when the panel it
 * opened closes; like them it is disabled and aria-busy while its work runs.
 */
export function ActionButton({ loading = false, danger = false, buttonRef, disabled, children, ...rest }: ActionButtonProps) {
  const styling = useElement(danger ? 'profileDangerButton' : 'profileSectionAction', { loading });
  return (
    <button {...styling} {...rest} ref={buttonRef} type="button" disabled={disabled || loading} aria-busy={loading || undefined}>
      {loading && <Spinner />}
      {children}
    </button>
  );
}

/**
 * A ref for the button that opened a panel: when `open` turns false (done or
 * cancelled), focus goes back to it, so keyboard users stay where they were.
 */
export function useReturnFocus<T extends HTMLElement = HTMLButtonElement>(open: boolean): RefObject<T | null> {
  const ref = useRef<T>(null);
  const wasOpen = useRef(open);
  useCommitEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}

/**
 * Focus for after the next render: `focusLater(() => ref.current)` from an
 * event handler focuses what the handler's state change is about to show
 * (a button that reappears when its panel closes).
 */
export function useFocusLater(): (target: () => HTMLElement | null | undefined) => void {
  const pending = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useCommitEffect(() => {
    const target = pending.current;
    pending.current = null;
    target?.()?.focus();
  });
  return useCallback((target) => {
    pending.current = target;
  }, []);
}

export interface ConfirmationProps {
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  /** The confirmed work; its failure shows in the panel, which stays open. */
  action(): Promise<void>;
  onCancel(): void;
}

/** "Are you sure?" as an inline panel: its title takes focus, Escape or Cancel backs out. */
export function Confirmation({ title, text, confirmLabel, danger = false, action, onCancel }: ConfirmationProps) {
  const { t } = useLocalization();
  const run = useAsyncAction();
  return (
    <Panel title={title} text={text} onCancel={onCancel}>
      <ErrorAlert error={run.error} />
      <PanelActions>
        <PrimaryButton
          type="button"
          element={danger ? 'profileDangerButton' : 'formButtonPrimary'}
          loading={run.loading}
          onClick={() => run.run(action)}
        >
          {confirmLabel}
        </PrimaryButton>
        <SecondaryButton disabled={run.loading} onClick={onCancel}>
          {t('cancel')}
        </SecondaryButton>
      </PanelActions>
    </Panel>
  );
}
