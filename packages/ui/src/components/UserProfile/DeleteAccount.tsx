import { useState } from 'react';
import type { User } from '@latch/react';
import { Field, Form, PrimaryButton, SecondaryButton, useAsyncAction, useLocalization } from '../../foundation';
import { ActionButton, ErrorAlert, Panel, PanelActions, Section, SectionText, useReturnFocus } from './parts';
import { useReverified } from './Reverification';

/**
 * Deletes the account once the user has typed the confirmation word
 * ("DELETE" in English; each locale picks its own). Success signs the
 * account out everywhere, and UserProfile then renders nothing.
 */
export function DeleteAccount({ user }: { user: User }) {
  const { t } = useLocalization();
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus(open);
  return (
    <Section title={t('userProfile.deleteAccount.title')}>
      <SectionText>{t('userProfile.deleteAccount.text')}</SectionText>
      {open ? (
        <DeleteConfirmation user={user} onCancel={() => setOpen(false)} />
      ) : (
        <PanelActions>
          <ActionButton danger buttonRef={opener} onClick={() => setOpen(true)}>
            {t('userProfile.deleteAccount.button')}
          </ActionButton>
        </PanelActions>
      )}
    </Section>
  );
}

function DeleteConfirmation({ user, onCancel }: { user: User; onCancel(): void }) {
  const { t } = useLocalization();
  const [typed, setTyped] = useState('');
  const remove = useAsyncAction();
  const reverified = useReverified();
  const word = t('userProfile.deleteAccount.confirmWord');
  const confirmed = typed.trim() === word;
  const submit = async () => {
    if (confirmed) await remove.run(() => reverified(() => user.delete()));
  };
  return (
    <Panel title={t('userProfile.deleteAccount.confirmTitle')} text={t('userProfile.deleteAccount.text')} onCancel={onCancel} focusTitle={false}>
      <Form onSubmit={submit} aria-label={t('userProfile.deleteAccount.confirmTitle')}>
        <Field
          name="confirmation"
          label={t('userProfile.deleteAccount.confirmLabel', { word })}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
          value={typed}
          onChange={setTyped}
        />
        <ErrorAlert error={remove.error} />
        <PanelActions>
          {/* Disabled until the word matches: the typing is the confirmation. */}
          <PrimaryButton element="profileDangerButton" disabled={!confirmed} loading={remove.loading}>
            {t('userProfile.deleteAccount.button')}
          </PrimaryButton>
          <SecondaryButton disabled={remove.loading} onClick={onCancel}>
            {t('cancel')}
          </SecondaryButton>
        </PanelActions>
      </Form>
    </Panel>
  );
}
