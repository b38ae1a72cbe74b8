import { useState } from 'react';
import type { Session } from '@latch/react';
import { useStepKit } from './stepKit';

/** Multi-session: the accounts signed in on this browser, to continue as one, or "Add account". */
export function AccountChooser({ onAddAccount }: { onAddAccount(): void }) {
  const { StepCard, useAuth, useElement, useLocalization, useSessionList, useSignInFlow, useStepAction } = useStepKit();
  const flow = useSignInFlow();
  const { t } = useLocalization();
  const { sessions } = useSessionList();
  const { sessionId: activeId } = useAuth();
  const action = useStepAction([]);
  const [choosing, setChoosing] = useState<string | null>(null);
  const list = useElement('accountSwitcher');
  const add = useElement('signInAddAccountButton');

  const choose = (session: Session) => {
    setChoosing(session.id);
    void action.run(() => flow.activate(session.id));
  };

  return (
    <StepCard
      title={t('signIn.chooseAccount.title')}
      subtitle={t('signIn.chooseAccount.subtitle', { applicationName: flow.environment.applicationName })}
      alert={action.alert}
    >
      <ul {...list}>
        {sessions.map((session) => (
          <li key={session.id}>
            <Account
              session={session}
              active={session.id === activeId}
              loading={action.loading && choosing === session.id}
              disabled={action.loading}
              onChoose={() => choose(session)}
            />
          </li>
        ))}
      </ul>
      <button {...add} type="button" disabled={action.loading} onClick={onAddAccount}>
        {t('signIn.chooseAccount.addAccount')}
      </button>
    </StepCard>
  );
}

interface AccountProps {
  session: Session;
  active: boolean;
  loading: boolean;
  disabled: boolean;
  onChoose(): void;
}

/** One account: its avatar, name and email; the button's name is the name and email. */
function Account({ session, active, loading, disabled, onChoose }: AccountProps) {
  const { Avatar, Spinner, breakableEmails, useElement } = useStepKit();
  const { user } = session;
  const email = user.primaryEmailAddress?.emailAddress ?? user.username ?? '';
  const name = user.fullName ?? user.username ?? email;
  const item = useElement('accountSwitcherItem', { active, loading });
  const text = useElement('signInAccountText');
  const nameProps = useElement('signInAccountName');
  const identifier = useElement('signInAccountIdentifier');
  return (
    <button {...item} type="button" aria-current={active || undefined} aria-busy={loading || undefined} disabled={disabled} onClick={onChoose}>
      <Avatar imageUrl={user.imageUrl} name={name} firstName={user.firstName} lastName={user.lastName} size="sm" decorative />
      <span {...text}>
        {/* The space keeps name and email two words in the button's accessible name; the flex layout hides it. */}
        <span {...nameProps}>{name}</span>{' '}
        {email !== name && (
          <span {...identifier} dir="auto">
            {breakableEmails(email)}
          </span>
        )}
      </span>
      {loading && <Spinner />}
    </button>
  );
}
