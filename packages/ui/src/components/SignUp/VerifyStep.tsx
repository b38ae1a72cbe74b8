import { useEffect, useId, useState } from 'react';
import { useSignUp } from '@latch/react';
import {
  Alert,
  CodeField,
  codeProblem,
  Form,
  IdentityPreview,
  LinkButton,
  PrimaryButton,
  ResendCode,
  useLocalization,
  useStepAction,
  type FlowRouter,
} from '../../foundation';
import { signUpSteps } from './steps';
import { useFinishSignUp } from './useFinishSignUp';

interface VerifyStepProps {
  router: FlowRouter;
  afterSignUpUrl: string | undefined;
  /** The instance offers a link too: "Email me a link instead" switches to it. */
  onUseLink?(): void;
}

/** The code step: the emailed code completes the sign-up and signs the person in. */
export function VerifyStep({ router, afterSignUpUrl, onUseLink }: VerifyStepProps) {
  const { t } = useLocalization();
  const { signUp } = useSignUp();
  const finish = useFinishSignUp(afterSignUpUrl);
  const action = useStepAction(['code']);
  const [code, setCode] = useState('');
  // The start step sent the code just before this step showed (or before the reload that shows it again).
  const [sentAt, setSentAt] = useState(() => Date.now());
  const codeId = `${useId()}-code`;
  const emailAddress = useLastKnown(signUp.emailAddress);

  // Reached with nothing to verify (a bookmarked URL, a reload after the
  // sign-up expired): back to the start. Judged once, on arrival: once the
  // code is accepted the client drops the sign-up, and that must not bounce.
  const [pendingOnArrival] = useState(signUp.status === 'missing_requirements' && !!signUp.emailAddress);
  const { navigate } = router;
  useEffect(() => {
    if (!pendingOnArrival) navigate(signUpSteps.start, { replace: true });
  }, [pendingOnArrival, navigate]);

  const submit = () =>
    action.run(
      async () => {
        const result = await signUp.attemptEmailAddressVerification({ code });
        if (result.status === 'complete') await finish(result);
        // Verified, yet something the start step collects is missing: go back and fill it in.
        else navigate(signUpSteps.start);
      },
      { code: codeProblem(code, t) },
    );

  return (
    <>
      <IdentityPreview identifier={emailAddress} onEdit={() => navigate(signUpSteps.start)} editLabel={t('signUp.verify.editEmail')} />
      <Form onSubmit={submit}>
        {action.alert && <Alert>{action.alert}</Alert>}
        <CodeField
          id={codeId}
          label={t('fields.code')}
          value={code}
          onChange={(value) => {
            setCode(value);
            action.clearFieldError('code');
          }}
          error={action.fieldError('code')}
          required
        />
        <PrimaryButton loading={action.loading}>{t('formButtonPrimary')}</PrimaryButton>
      </Form>
      <ResendCode
        send={() => signUp.prepareEmailAddressVerification({ strategy: 'email_code' })}
        sentAt={sentAt}
        onSent={() => {
          setSentAt(Date.now());
          // The next thing to do is type the new code.
          document.getElementById(codeId)?.focus();
        }}
        text={{
          action: t('signUp.verify.resend'),
          wait: (seconds) => t('signUp.verify.resendIn', { seconds }),
          sent: t('signUp.verify.resent', { emailAddress }),
        }}
      />
      {onUseLink && (
        <LinkButton disabled={action.loading} onClick={onUseLink}>
          {t('signUp.verify.useLink')}
        </LinkButton>
      )}
    </>
  );
}

/**
 * `value`, or the last non-empty one seen: the completed sign-up leaves the
 * client's state before the page moves on, and the address should not blink out.
 */
function useLastKnown(value: string | null): string {
  const [last, setLast] = useState(value ?? '');
  // React's pattern for state derived from earlier renders: it re-renders at once, before painting.
  if (value && value !== last) setLast(value);
  return value || last;
}
