import { useState } from 'react';
import type { User } from '@latch/react';
import { Field, Form, PrimaryButton, useAsyncAction, useLocalization } from '../../foundation';
import { ErrorAlert, PanelActions } from './parts';
import { useEnvironment } from './useEnvironment';

type Names = { firstName: string; lastName: string; username: string };

/**
 * First name, last name and (when the instance uses usernames, or the user
 * has one) username, saved together. Blank names are cleared; the server
 * says when a username is taken, malformed or required, next to the field.
 */
export function ProfileDetails({ user, onStatus }: { user: User; onStatus(message: string | null): void }) {
  const { t, fieldErrors } = useLocalization();
  const environment = useEnvironment();
  const usernameSetting = environment?.signUp.fields.username ?? 'off';
  const showUsername = !!environment?.identifiers.username || usernameSetting !== 'off' || user.username !== null;
  const [values, setValues] = useState<Names>(() => ({
    firstName: user.firstName ?? '',
    lastName: user.lastName ?? '',
    username: user.username ?? '',
  }));
  const save = useAsyncAction();
  const errors = fieldErrors(save.error);
  const hasFieldError = Object.keys(errors).length > 0;

  const set = (name: keyof Names) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const submit = async () => {
    onStatus(null);
    const updated = await save.run(() =>
      user.update({
        firstName: values.firstName.trim() || null,
        lastName: values.lastName.trim() || null,
        ...(showUsername ? { username: values.username.trim() || null } : {}),
      }),
    );
    if (updated) onStatus(t('userProfile.profile.saved'));
  };

  return (
    <Form onSubmit={submit} aria-label={t('userProfile.profile.title')}>
      <Field
        name="firstName"
        label={t('fields.firstName')}
        autoComplete="given-name"
        value={values.firstName}
        onChange={set('firstName')}
        error={errors.firstName}
      />
      <Field
        name="lastName"
        label={t('fields.lastName')}
        autoComplete="family-name"
        value={values.lastName}
        onChange={set('lastName')}
        error={errors.lastName}
      />
      {showUsername && (
        <Field
          name="username"
          label={t('fields.username')}
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          value={values.username}
          onChange={set('username')}
          error={errors.username}
          required={usernameSetting === 'required'}
        />
      )}
      {!hasFieldError && <ErrorAlert error={save.error} />}
      <PanelActions>
        <PrimaryButton loading={save.loading}>{t('userProfile.profile.save')}</PrimaryButton>
      </PanelActions>
    </Form>
  );
}
