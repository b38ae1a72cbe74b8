import { useId, useRef, useState, type RefObject } from 'react';
import type { EmailAddress, User } from '@latch/react';
import { Badge, breakableEmails, useAsyncAction, useCommitEffect, useElement, useLocalization } from '../../foundation';
import { AddEmailAddress, VerifyEmailAddress } from './VerifyEmail';
import { ActionButton, Confirmation, ErrorAlert, PanelActions, Section, SectionStatus, useFocusLater } from './parts';
import { useReverified } from './Reverification';
import { useEnvironment } from './useEnvironment';

/** At most one panel is open in the section: the add form, or one address's code or removal step. */
type Mode = { kind: 'idle' } | { kind: 'add' } | { kind: 'verify'; id: string; sendError?: unknown; byLink?: boolean } | { kind: 'remove'; id: string };

const idle: Mode = { kind: 'idle' };

/**
 * The user's email addresses: each with its Primary and Verified or
 * Unverified badges and its actions (verify, set as primary, remove after a
 * confirmation), and a form to add one, which goes straight on to its code.
 */
export function EmailAddresses({ user }: { user: User }) {
  const { t } = useLocalization();
  const [mode, setMode] = useState<Mode>(idle);
  const [status, setStatus] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();
  const list = useElement('profileSectionList');
  // Addresses are verified by code or by emailed link, as the instance says; with both, the person switches.
  const method = useEnvironment()?.emailVerification?.method ?? 'code';

  const open = (next: Mode) => {
    setStatus(null);
    setMode(next);
  };
  const close = (message: string | null = null) => {
    setMode(idle);
    setStatus(message);
  };

  return (
    <Section title={t('userProfile.emailAddresses.title')} headingRef={heading}>
      <ul {...list}>
        {user.emailAddresses.map((email) => (
          <EmailAddressItem
            key={email.id}
            email={email}
            isPrimary={email.id === user.primaryEmailAddressId}
            mode={mode}
            onOpen={open}
            onClose={close}
            onRemoved={() => {
              close(t('userProfile.emailAddresses.removed', { emailAddress: email.emailAddress }));
              focusLater(() => heading.current); // The row is gone; the section's title is where the user is.
            }}
            onStatus={setStatus}
            method={method}
          />
        ))}
      </ul>
      {mode.kind === 'add' ? (
        <AddEmailAddress
          user={user}
          byLink={method === 'link'}
          onAdded={(id, sendError) => setMode({ kind: 'verify', id, sendError, byLink: method === 'link' })}
          onCancel={() => {
            close();
            focusLater(() => addButton.current);
          }}
        />
      ) : (
        <PanelActions>
          <ActionButton buttonRef={addButton} onClick={() => open({ kind: 'add' })}>
            {t('userProfile.emailAddresses.add')}
          </ActionButton>
        </PanelActions>
      )}
      <SectionStatus message={status} />
    </Section>
  );
}

interface ItemProps {
  email: EmailAddress;
  isPrimary: boolean;
  mode: Mode;
  onOpen(mode: Mode): void;
  onClose(message?: string | null): void;
  onRemoved(): void;
  onStatus(message: string | null): void;
  method: 'code' | 'link' | 'both';
}

function EmailAddressItem({ email, isPrimary, mode, onOpen, onClose, onRemoved, onStatus, method }: ItemProps) {
  const { t } = useLocalization();
  const textId = useId();
  const prepare = useAsyncAction();
  const primary = useAsyncAction();
  const reverified = useReverified();
  const openHere = mode.kind !== 'idle' && mode.kind !== 'add' && mode.id === email.id ? mode.kind : null;
  const verifyButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  useReturnToOpener(openHere, mode.kind === 'idle', { verify: verifyButton, remove: removeButton }, actions);

  const item = useElement('profileSectionItem');
  const text = useElement('profileSectionItemText');
  const actionsProps = useElement('profileSectionItemActions');
  const emailAddress = email.emailAddress;

  const startVerification = async () => {
    onStatus(null);
    primary.reset();
    // A link is sent by its panel, which loads on demand.
    if (method === 'link') onOpen({ kind: 'verify', id: email.id, byLink: true });
    else if (await prepare.run(() => email.prepareVerification())) onOpen({ kind: 'verify', id: email.id });
  };
  const makePrimary = async () => {
    onStatus(null);
    prepare.reset();
    const done = await primary.run(async () => (await reverified(() => email.setAsPrimary()), true));
    if (done) onStatus(t('userProfile.emailAddresses.primarySet', { emailAddress }));
  };

  return (
    <li {...item}>
      <div {...text}>
        <span id={textId}>{breakableEmails(emailAddress)}</span>{' '}
        {isPrimary && <Badge>{t('userProfile.emailAddresses.primary')}</Badge>}{' '}
        <Badge>{t(email.isVerified ? 'userProfile.emailAddresses.verified' : 'userProfile.emailAddresses.unverified')}</Badge>
      </div>
      {openHere === 'verify' && mode.kind === 'verify' && (
        <VerifyEmailAddress
          email={email}
          byLink={mode.byLink ?? false}
          onSwitch={method === 'both' ? (byLink) => onOpen({ kind: 'verify', id: email.id, byLink }) : undefined}
          initialError={mode.sendError}
          onVerified={() => onClose(t('userProfile.emailAddresses.verifiedStatus', { emailAddress }))}
          onCancel={() => onClose()}
        />
      )}
      {openHere === 'remove' && (
        // The API's refusal (the primary address, the last verified one) shows in this panel.
        <Confirmation
          title={t('userProfile.emailAddresses.removeTitle', { emailAddress })}
          text={t('userProfile.emailAddresses.removeText')}
          confirmLabel={t('userProfile.emailAddresses.remove')}
          danger
          action={async () => {
            await reverified(() => email.destroy());
            onRemoved();
          }}
          onCancel={() => onClose()}
        />
      )}
      {!openHere && (
        // Each button is described by the address, so "Remove" says which one.
        <div {...actionsProps} ref={actions}>
          {!email.isVerified && (
            <ActionButton buttonRef={verifyButton} loading={prepare.loading} onClick={startVerification} aria-describedby={textId}>
              {t('userProfile.emailAddresses.verify')}
            </ActionButton>
          )}
          {email.isVerified && !isPrimary && (
            <ActionButton loading={primary.loading} onClick={makePrimary} aria-describedby={textId}>
              {t('userProfile.emailAddresses.setPrimary')}
            </ActionButton>
          )}
          <ActionButton
            danger
            buttonRef={removeButton}
            onClick={() => onOpen({ kind: 'remove', id: email.id })}
            aria-describedby={textId}
          >
            {t('userProfile.emailAddresses.remove')}
          </ActionButton>
        </div>
      )}
      <ErrorAlert error={prepare.error ?? primary.error} />
    </li>
  );
}

/**
 * When this row's panel closes, focus goes back to the button that opened
 * it, or (when that button is gone: the address is now verified) to the
 * row's first action. Not when another panel took its place: that one has
 * the focus now.
 */
function useReturnToOpener(
  open: 'verify' | 'remove' | null,
  sectionIdle: boolean,
  openers: Record<'verify' | 'remove', RefObject<HTMLButtonElement | null>>,
  actions: RefObject<HTMLDivElement | null>,
) {
  const previous = useRef(open);
  useCommitEffect(() => {
    const was = previous.current;
    previous.current = open;
    if (!was || open || !sectionIdle) return;
    const target = openers[was].current ?? actions.current?.querySelector('button');
    target?.focus();
  }, [open, sectionIdle, openers, actions]);
}
