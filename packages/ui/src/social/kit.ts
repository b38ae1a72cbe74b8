import { OAUTH_CALLBACK_PARAMS } from '@latch/protocol';
import { useLatch } from '@latch/react';
import {
  Alert,
  Badge,
  Divider,
  mergeLocalization,
  navigateTo,
  PrimaryButton,
  SecondaryButton,
  Sheet,
  Spinner,
  useAsyncAction,
  useElement,
  useLocalization,
  useNavigate,
} from '../foundation';
import { ComponentContext, useComponentContext } from '../foundation/context';
import { isSsoCallback } from './callback';

/**
 * What the on-demand social parts (the provider buttons, the callback steps,
 * the link notice, the connected accounts) use of the package and of
 * @latch/react, handed to them as a prop instead of imported: an on-demand
 * chunk that imported a module the first load also holds would split that
 * module into a chunk of its own, and the first load would be several chunks
 * (see passkeys/kit.ts). Each component's kit adds what only its parts use.
 */
export const socialKit = {
  Alert,
  Badge,
  Divider,
  PrimaryButton,
  SecondaryButton,
  Sheet,
  Spinner,
  mergeLocalization,
  navigateTo,
  useAsyncAction,
  useElement,
  useLocalization,
  useNavigate,
  ComponentContext,
  useComponentContext,
  useLatch,
  /** The query parameters of a provider's answer, taken out of the address bar once sent. */
  callbackParams: OAUTH_CALLBACK_PARAMS,
  isSsoCallback,
};

export type SocialKit = typeof socialKit;
