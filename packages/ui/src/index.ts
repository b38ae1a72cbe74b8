'use client';
// The directive marks every export as client-side for React Server Components
// frameworks: the components use hooks and browser APIs.

export { SignIn, type SignInProps } from './components/SignIn';
export { SignUp, type SignUpProps } from './components/SignUp';
export { UserProfile, type UserProfileProps } from './components/UserProfile';
export { UserButton, type UserButtonProps } from './components/UserButton';

export { light, dark, elementKeys, enUS } from './foundation';
export type {
  Appearance,
  ComponentName,
  ElementKey,
  ElementStyle,
  Elements,
  Layout,
  ProviderAppearance,
  Theme,
  Variables,
  LocalizationInput,
  LocalizationKey,
  LocalizationResource,
} from './foundation';
