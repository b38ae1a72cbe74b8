import LinkNotice from '../../social/LinkNotice';
import { SignInLinkStep, SignInLinkVerify } from '../EmailLink/signIn';
import PasskeyOffer from '../passkeys/PasskeyOffer';
import { AccountChooser } from './AccountChooser';
import { CodeStep } from './CodeStep';
import type { SignInExtraProps } from './Extra';
import type { SignInKit } from './kit';
import { PasswordStep } from './PasswordStep';
import { ResetPasswordStep } from './ResetPasswordStep';
import { SecondFactorStep } from './SecondFactorStep';
import SsoCallbackStep from './SsoCallbackStep';
import { StepKit } from './stepKit';

/**
 * What <SignIn/> shows after its first screen, in one chunk loaded on demand
 * (./Extra.tsx starts loading it as the start step shows): the steps after
 * the start, and the steps of social sign-in, passkeys and email links (the
 * start step's own buttons are ./startParts.tsx). What the package
 * offers comes as the kit (see ../kit.ts), so this chunk imports nothing the
 * first load holds.
 */
export default function SignInExtras({ kit, ...props }: SignInExtraProps & { kit: SignInKit }) {
  return (
    <StepKit kit={kit}>
      <Extra {...props} kit={kit} />
    </StepKit>
  );
}

function Extra({ kit, at, token, onDone, onAddAccount }: SignInExtraProps & { kit: SignInKit }) {
  const flow = kit.useSignInFlow();
  switch (at) {
    case 'factor-one':
      if (flow.strategy === 'password') return <PasswordStep />;
      if (flow.strategy === 'email_link') return <SignInLinkStep kit={kit} />;
      return <CodeStep key={flow.strategy} strategy={flow.strategy} />;
    case 'reset-password':
      return <ResetPasswordStep />;
    case 'factor-two':
      return <SecondFactorStep />;
    case 'choose':
      return <AccountChooser onAddAccount={onAddAccount!} />;
    case 'notice':
      return <LinkNotice kit={kit} signIn={flow.signIn} environment={flow.environment} />;
    case 'sso-callback':
      return <SsoCallbackStep kit={kit} />;
    case 'link-verify':
      return <SignInLinkVerify kit={kit} token={token!} />;
    case 'offer':
      return <PasskeyOffer kit={kit} applicationName={flow.environment.applicationName} onDone={onDone!} />;
    case 'prefetch':
      return null;
  }
}
