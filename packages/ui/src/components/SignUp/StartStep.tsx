import { useEffect, useId, useState, type ReactNode } from 'react';
import { useSignUp } from '@latch/react';
import type { EnvironmentJSON, OAuthStrategy } from '@latch/protocol';
import {
  Alert,
  Field,
  Form,
  PasswordField,
  PrimaryButton,
  useElement,
  useLayout,
  useLocalization,
  useStepAction,
  type FlowRouter,
} from '../../foundation';
import { createBody, planFields, validate, type FieldPlan, type SignUpFieldName, type SignUpValues } from './fields';
import { LegalConsent, type LegalLinks } from './LegalConsent';
import { PasswordHints } from './PasswordHints';
import { signUpSteps } from './steps';
import { socialProviders } from '../../social/providers';
import { SocialButtonsSlot } from '../../social/SocialButtonsSlot';
import { useFinishSignUp } from './useFinishSignUp';

interface StartStepProps {
  router: FlowRouter;
  values: SignUpValues;
  onValuesChange(values: SignUpValues): void;
  afterSignUpUrl: string | undefined;
  environment: EnvironmentJSON;
  /** The address is to be verified by emailed link (sent by the next step), not by code. */
  byLink: boolean;
  /** Where a social provider sends the browser back (this component's sso-callback step). */
  callbackUrl(): string;
}

const autoComplete: Record<SignUpFieldName, string> = {
  firstName: 'given-name',
  lastName: 'family-name',
  username: 'username',
  emailAddress: 'email',
  password: 'new-password',
};

/** The first step: the fields the instance asks for, live password hints, consent; Continue creates the sign-up. */
export function StartStep({ router, values, onValuesChange, afterSignUpUrl, environment, byLink, callbackUrl }: StartStepProps) {
  const { t } = useLocalization();
  const layout = useLayout();
  const { signUp } = useSignUp();
  const finish = useFinishSignUp(afterSignUpUrl);
  const plan = planFields(environment, layout);
  const action = useStepAction(plan.map((field) => field.name));
  const legal: LegalLinks = {
    terms: layout.termsPageUrl ?? environment.branding.termsUrl ?? undefined,
    privacy: layout.privacyPageUrl ?? environment.branding.privacyUrl ?? undefined,
  };
  const consentAsked = !!(legal.terms || legal.privacy);
  const [consent, setConsent] = useState(false);
  const ids = useId();
  const focusFirstInvalid = useFocusFirstInvalid(`${ids}-${plan[0]?.name}`);
  const providers = socialProviders(environment, 'signUp');
  const startSocial = (strategy: OAuthStrategy, navigate: (url: string) => void) =>
    signUp.authenticateWithRedirect({ strategy, redirectUrl: callbackUrl(), navigate });

  const change = (name: SignUpFieldName) => (value: string) => {
    onValuesChange({ ...values, [name]: value });
    action.clearFieldError(name);
  };

  const submit = async () => {
    const found = validate(values, plan, environment.passwordPolicy, { asked: consentAsked, given: consent });
    const problems = Object.fromEntries(Object.entries(found).map(([target, key]) => [target, t(key)]));
    const outcome = await action.run(async () => {
      const created = await signUp.create(createBody(values, plan));
      // With no email to verify (the instance collects none, or it was optional and left out) it is done already.
      if (created.status === 'complete') return finish(created);
      if (created.unverifiedFields.includes('emailAddress')) {
        // A code goes out now; a link is sent by its step, which loads on demand.
        if (!byLink) await created.prepareEmailAddressVerification({ strategy: 'email_code' });
        router.navigate(signUpSteps.verify);
        return;
      }
      // Still missing something this form does not show: the settings changed since the page loaded.
      action.fail(t('errors.form_param_missing'));
    }, problems);
    // Errors that all sit beside fields: land on the first, where the fix is needed. (An Alert is announced instead.)
    if (outcome === 'invalid' || outcome === 'field') focusFirstInvalid();
  };

  const field = ({ name, required }: FieldPlan) => {
    const common = {
      id: `${ids}-${name}`,
      name,
      label: t(`fields.${name}`),
      value: values[name],
      onChange: change(name),
      error: action.fieldError(name),
      required,
      optional: !required,
      autoComplete: autoComplete[name],
    };
    if (name === 'password') {
      return <PasswordField key={name} {...common} hint={<PasswordHints policy={environment.passwordPolicy} password={values.password} />} />;
    }
    return <Field key={name} {...common} type={name === 'emailAddress' ? 'email' : 'text'} spellCheck={false} />;
  };

  const names = plan.filter((f) => f.name === 'firstName' || f.name === 'lastName');
  const others = plan.filter((f) => f.name !== 'firstName' && f.name !== 'lastName');
  return (
    <>
    <SocialButtonsSlot providers={providers} placement="top" start={startSocial} />
    <Form onSubmit={submit}>
      {action.alert && <Alert>{action.alert}</Alert>}
      {names.length > 0 && <NameRow>{names.map(field)}</NameRow>}
      {others.map(field)}
      {consentAsked && (
        <LegalConsent
          links={legal}
          checked={consent}
          onChange={(checked) => {
            setConsent(checked);
            if (checked) action.clearFieldError('legal');
          }}
          error={action.fieldError('legal')}
        />
      )}
      <PrimaryButton loading={action.loading}>{t('formButtonPrimary')}</PrimaryButton>
    </Form>
    <SocialButtonsSlot providers={providers} placement="bottom" start={startSocial} />
    </>
  );
}

/** First and last name side by side; signUp.css lets them wrap on a narrow card. */
function NameRow({ children }: { children: ReactNode }) {
  return <div {...useElement('signUpNameRow')}>{children}</div>;
}

/**
 * Returns a function that, after the next render, focuses the form's first
 * invalid control, so a keyboard user lands where the fix is needed (the
 * error itself is also announced). `anyFieldId` finds the form.
 */
function useFocusFirstInvalid(anyFieldId: string): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    const form = (document.getElementById(anyFieldId) as HTMLInputElement | null)?.form;
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request, anyFieldId]);
  return () => setRequest((n) => n + 1);
}
