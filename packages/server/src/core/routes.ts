import type { RouteName } from '@latch/protocol';
import { deleteClient, endSession, getClient, getEnvironment, getJwks, mintSessionToken, touchSession } from './flows/client-routes';
import { deleteMe, getMe, updateMe } from './flows/me';
import { attemptEmailVerification, createEmailAddress, deleteEmailAddress, makeEmailPrimary, prepareEmailVerification } from './flows/me-emails';
import { changePassword, createTotp, deleteTotp, regenerateBackupCodes, verifyTotp } from './flows/me-security';
import { listMySessions, revokeMySession } from './flows/me-sessions';
import { attemptReverification, prepareReverification } from './flows/reverification';
import { maxImageDataUrlLength } from './flows/image';
import type { RouteHandler } from './flows/reply';
import { oauthCallback } from './oauth/callback';
import { createExternalAccount, deleteExternalAccount, reauthorizeExternalAccount } from './oauth/external-accounts';
import { oauthFormPost } from './oauth/form-post';
import { getSessionStatus } from './flows/session-status';
import { mePasskeyCreate, mePasskeyDelete, mePasskeyOptions, mePasskeyUpdate } from './flows/passkeys/profile';
import { signInPasskeyOptions } from './flows/passkeys/sign-in';
import { inspectEmailLink, verifyEmailLink } from './flows/email-links';
import { createSignIn, getSignIn } from './flows/sign-in';
import { attemptFirstFactor, attemptSecondFactor, prepareFirstFactor, prepareSecondFactor, resetPassword } from './flows/sign-in-factors';
import { attemptSignUpVerification, createSignUp, getSignUp, prepareSignUpVerification, updateSignUp } from './flows/sign-up';

export interface RouteEntry {
  handler: RouteHandler;
  /** Overrides Limits.maxBodyBytes for the one route that carries an image. */
  maxBodyBytes?: number;
  /**
   * A browser navigation from another site, not a script (a provider's
   * form_post): the body is `application/x-www-form-urlencoded`, and no
   * client credential is read (so no CSRF check applies: it acts on none).
   */
  formPost?: true;
}

/** Every protocol route and the flow that answers it; a route without a handler is a type error. */
export const routeTable: Record<RouteName, RouteEntry> = {
  environment: { handler: getEnvironment },
  client: { handler: getClient },
  clientDelete: { handler: deleteClient },

  signInCreate: { handler: createSignIn },
  signInGet: { handler: getSignIn },
  signInPrepareFirstFactor: { handler: prepareFirstFactor },
  signInAttemptFirstFactor: { handler: attemptFirstFactor },
  signInPrepareSecondFactor: { handler: prepareSecondFactor },
  signInAttemptSecondFactor: { handler: attemptSecondFactor },
  signInResetPassword: { handler: resetPassword },
  signInPasskeyOptions: { handler: signInPasskeyOptions },

  signUpCreate: { handler: createSignUp },
  signUpGet: { handler: getSignUp },
  signUpUpdate: { handler: updateSignUp },
  signUpPrepareVerification: { handler: prepareSignUpVerification },
  signUpAttemptVerification: { handler: attemptSignUpVerification },

  oauthCallback: { handler: oauthCallback },
  oauthFormPost: { handler: oauthFormPost, formPost: true },

  sessionToken: { handler: mintSessionToken },
  sessionTouch: { handler: touchSession },
  sessionEnd: { handler: endSession },
  sessionStatus: { handler: getSessionStatus },

  me: { handler: getMe },
  meUpdate: { handler: updateMe, maxBodyBytes: maxImageDataUrlLength + 4096 },
  meDelete: { handler: deleteMe },
  meEmailCreate: { handler: createEmailAddress },
  meEmailPrepareVerification: { handler: prepareEmailVerification },
  meEmailAttemptVerification: { handler: attemptEmailVerification },
  meEmailMakePrimary: { handler: makeEmailPrimary },
  meEmailDelete: { handler: deleteEmailAddress },
  mePassword: { handler: changePassword },
  meTotpCreate: { handler: createTotp },
  meTotpVerify: { handler: verifyTotp },
  meTotpDelete: { handler: deleteTotp },
  meBackupCodes: { handler: regenerateBackupCodes },
  meSessions: { handler: listMySessions },
  meSessionRevoke: { handler: revokeMySession },
  meExternalAccountCreate: { handler: createExternalAccount },
  meExternalAccountReauthorize: { handler: reauthorizeExternalAccount },
  meExternalAccountDelete: { handler: deleteExternalAccount },
  meReverificationPrepare: { handler: prepareReverification },
  meReverificationAttempt: { handler: attemptReverification },
  mePasskeyOptions: { handler: mePasskeyOptions },
  mePasskeyCreate: { handler: mePasskeyCreate },
  mePasskeyUpdate: { handler: mePasskeyUpdate },
  mePasskeyDelete: { handler: mePasskeyDelete },

  emailLinkInspect: { handler: inspectEmailLink },
  emailLinkVerify: { handler: verifyEmailLink },

  jwks: { handler: getJwks },
};
