import type { Session } from '@latch/react';
import { Alert, Avatar, SecondaryButton, useElement, useLocalization } from '../../foundation';
import type { Identity } from './identity';
import { identityOf } from './identity';
import type { UserButtonActions } from './useUserButtonActions';

export interface UserButtonPopoverProps {
  identity: Identity;
  /** The other signed-in accounts of this browser (multi-session). */
  otherSessions: Session[];
  /** Multi-session is on: another account can be added. */
  canAddAccount: boolean;
  actions: UserButtonActions;
  /** Id for the header's identity, which describes the dialog. */
  identityId: string;
}

/** Avatar, name and email: the popover's header, and each entry of the account list. */
function IdentityBlock({ identity, id }: { identity: Identity; id?: string }) {
  const box = useElement('userButtonPopoverIdentity');
  const name = useElement('userButtonPopoverIdentityName');
  const email = useElement('userButtonPopoverIdentityEmail');
  return (
    <span {...box} id={id}>
      <Avatar imageUrl={identity.imageUrl} name={identity.name} firstName={identity.firstName} lastName={identity.lastName} decorative />
      <span {...name}>{identity.name}</span>
      {identity.email && (
        <span {...email}>
          {identity.email}
        </span>
      )}
    </span>
  );
}

/**
 * One other account. Named by its content, "Switch to <name> <email>": it
 * says what the button does and contains the visible name (WCAG 2.5.3); the
 * avatar, name and email are shown but not read a second time.
 */
function AccountItem({ session, actions }: { session: Session; actions: UserButtonActions }) {
  const { t } = useLocalization();
  const identity = identityOf(session.user);
  return (
    <li>
      <SecondaryButton
        element="accountSwitcherItem"
        loading={actions.pending === session.id}
        onClick={() => actions.switchTo(session)}
      >
        <span className="latch-visually-hidden">
          {t('userButton.switchAccount', { name: identity.name })}
          {identity.email && ` ${identity.email}`}
        </span>
        <span aria-hidden="true">
          <IdentityBlock identity={identity} />
        </span>
      </SecondaryButton>
    </li>
  );
}

/** What the popover shows: who is signed in, their actions, and the other accounts. */
export function UserButtonPopover({ identity, otherSessions, canAddAccount, actions, identityId }: UserButtonPopoverProps) {
  const { t, errorMessage } = useLocalization();
  const main = useElement('userButtonPopoverMain');
  const list = useElement('userButtonPopoverActions');
  const accounts = useElement('userButtonPopoverAccounts');
  const switcher = useElement('accountSwitcher');
  const footer = useElement('userButtonPopoverFooter');
  const { pending } = actions;
  const button = 'userButtonPopoverActionButton';

  return (
    <>
      <div {...main}>
        <IdentityBlock identity={identity} id={identityId} />
        <div {...list}>
          <SecondaryButton element={button} onClick={actions.manageAccount}>
            {t('userButton.manageAccount')}
          </SecondaryButton>
          <SecondaryButton element={button} loading={pending === 'signOut'} onClick={actions.signOut}>
            {t('userButton.signOut')}
          </SecondaryButton>
        </div>
      </div>
      {(otherSessions.length > 0 || canAddAccount) && (
        <div {...accounts}>
          {otherSessions.length > 0 && (
            <ul {...switcher} aria-label={t('userButton.otherAccounts')}>
              {otherSessions.map((session) => (
                <AccountItem key={session.id} session={session} actions={actions} />
              ))}
            </ul>
          )}
          {canAddAccount && (
            <SecondaryButton element={button} onClick={actions.addAccount}>
              {t('userButton.addAccount')}
            </SecondaryButton>
          )}
        </div>
      )}
      {otherSessions.length > 0 && (
        <div {...footer}>
          <SecondaryButton element={button} loading={pending === 'signOutAll'} onClick={actions.signOutAll}>
            {t('userButton.signOutAll')}
          </SecondaryButton>
        </div>
      )}
      {actions.error ? <Alert>{errorMessage(actions.error)}</Alert> : null}
    </>
  );
}
