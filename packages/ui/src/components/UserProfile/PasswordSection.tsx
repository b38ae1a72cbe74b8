import { useState } from 'react';
import { isLatchAPIError, type User } from '@latch/react';
import {
  Checkbox,
  Form,
  PasswordField,
  PrimaryButton,
  SecondaryButton,
  useAsyncAction,
  useLocalization,
  type Localization,
} from '../../foundation';
import { ActionButton, ErrorAlert, Panel, PanelActions, Section, SectionStatus, SectionText, useReturnFocus } from './parts';
import { useReverified } from './Reverification';

export interface PasswordSectionProps {
  user: User;
  onOthersSignedOut(): void;
}

/** Set a password (an account made without one) or change it, optionally signing out every other device. */
export function PasswordSection({ user, onOthersSignedOut }: PasswordSectionProps) {
  const { t } = useLocalization();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const opener = useReturnFocus(open);
  const label = t(user.passwordEnabled ? 'userProfile.password.change' : 'userProfile.password.set');

  const done = (signedOutOthers: boolean) => {
    setOpen(false);
    setStatus(t('userProfile.password.saved'));
    if (signedOutOthers) onOthersSignedOut();
  };

  return (
    <Section title={t('userProfile.password.title')}>
      <SectionText>{t(user.passwordEnabled ? 'userProfile.password.enabledText' : 'userProfile.password.disabledText')}</SectionText>
      {open ? (
        <PasswordForm user={user} title={label} onDone={done} onCancel={() => setOpen(false)} />
      ) : (
        <PanelActions>
          <ActionButton
            buttonRef={opener}
            onClick={() => {
              setStatus(null);
              setOpen(true);
            }}
          >
            {label}
          </ActionButton>
        </PanelActions>
      )}
      <SectionStatus message={status} />
    </Section>
  );
}

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };
type Problems = Partial<Record<keyof Values, string>>;

interface PasswordFormProps {
  user: User;
  title: string;
  onDone(signedOutOthers: boolean): void;
  onCancel(): void;
}

function PasswordForm({ user, title, onDone, onCancel }: PasswordFormProps) {
  const { t, fieldErrors } = useLocalization();
  const needsCurrent = user.passwordEnabled;
  const [values, setValues] = useState<Values>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [problems, setProblems] = useState<Problems>({});
  const save = useAsyncAction();
  const reverified = useReverified();
  const apiErrors = apiFieldErrors(save.error, fieldErrors(save.error), t('userProfile.password.incorrect'));
  const errors: Problems = { ...apiErrors, ...problems };
  const set = (name: keyof Values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));

  const submit = async () => {
    const found = validate(values, needsCurrent, t);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const updated = await save.run(() =>
      reverified(() =>
        user.updatePassword({
          // An account without a password has nothing to confirm; the server ignores the field then.
          currentPassword: needsCurrent ? values.currentPassword : '',
          newPassword: values.newPassword,
          signOutOfOtherSessions: signOutOthers,
        }),
      ),
    );
    if (updated) onDone(signOutOthers);
  };

  return (
    <Panel title={title} onCancel={onCancel} focusTitle={false}>
      <Form onSubmit={submit} aria-label={title}>
        {needsCurrent && (
          <PasswordField
            name="currentPassword"
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            autoFocus
            required
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={errors.currentPassword}
          />
        )}
        <PasswordField
          name="newPassword"
          label={t('fields.newPassword')}
          autoComplete="new-password"
          autoFocus={!needsCurrent}
          required
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
        />
        <PasswordField
          name="confirmPassword"
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          required
          value={values.confirmPassword}
          onChange={set('confirmPassword')}
          error={errors.confirmPassword}
        />
        <Checkbox label={t('userProfile.password.signOutOthers')} checked={signOutOthers} onChange={setSignOutOthers} />
        {Object.keys(apiErrors).length === 0 && <ErrorAlert error={save.error} />}
        <PanelActions>
          <PrimaryButton loading={save.loading}>{t('userProfile.password.save')}</PrimaryButton>
          <SecondaryButton disabled={save.loading} onClick={onCancel}>
            {t('cancel')}
          </SecondaryButton>
        </PanelActions>
      </Form>
    </Panel>
  );
}

function validate(values: Values, needsCurrent: boolean, t: Localization['t']): Problems {
  const problems: Problems = {};
  if (needsCurrent && !values.currentPassword) problems.currentPassword = t('validation.required', { field: t('fields.currentPassword') });
  if (!values.newPassword) problems.newPassword = t('validation.required', { field: t('fields.newPassword') });
  else if (values.confirmPassword !== values.newPassword) problems.confirmPassword = t('validation.passwordsDoNotMatch');
  return problems;
}

/**
 * The server's field errors, except that a wrong current password gets this
 * form's own wording: the shared one suggests "another method", which only
 * makes sense when signing in.
 */
function apiFieldErrors(error: unknown, byField: Partial<Record<string, string>>, incorrect: string): Problems {
  const out: Problems = { currentPassword: byField.currentPassword, newPassword: byField.newPassword };
  if (isLatchAPIError(error) && error.code === 'form_password_incorrect') out.currentPassword = incorrect;
  if (!out.currentPassword) delete out.currentPassword;
  if (!out.newPassword) delete out.newPassword;
  return out;
}
