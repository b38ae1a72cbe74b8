'use client';
// The directive marks every export as client-side for React Server Components
// frameworks: the hooks subscribe to a browser store.

export { LatchProvider, type LatchProviderProps } from './LatchProvider';
export type { LatchClientSource } from './useProvidedClient';
export {
  useAuth,
  useUser,
  useSession,
  useSessionList,
  useSignIn,
  useSignUp,
  useLatch,
  type UseAuthReturn,
  type UseUserReturn,
  type UseSessionReturn,
  type UseSessionListReturn,
  type UseSignInReturn,
  type UseSignUpReturn,
} from './hooks';
export { useLatchUIOptions, type LatchUIOptions } from './context';
export {
  SignedIn,
  SignedOut,
  Protect,
  LatchLoaded,
  LatchLoading,
  type ChildrenProps,
  type ProtectProps,
  type SignedInAuth,
} from './controlComponents';
export { RedirectToSignIn, type RedirectToSignInProps } from './RedirectToSignIn';

// So an app with a custom UI needs only this package: the client for the
// `client` prop, and the error guards its forms use.
export {
  LatchClient,
  LatchAPIError,
  LatchNetworkError,
  isLatchAPIError,
  isLatchNetworkError,
  isReverificationError,
  browserSupportsPasskeys,
  browserSupportsPasskeyAutofill,
  type AuthenticateWithPasskeyParams,
  type LatchClientOptions,
  type LatchInitialState,
  type LatchState,
  type Session,
  type User,
  type ActiveSession,
  type EmailAddress,
  type Passkey,
  type ExternalAccount,
  type SignIn,
  type SignUp,
  type EmailLinkFlow,
  type EmailLinkStartParams,
} from '@latch/client';
