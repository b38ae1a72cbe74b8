import type { EnvironmentJSON, OAuthProviderJSON } from '@latch/protocol';
import type { Layout } from '../foundation';

export type SocialProvider = OAuthProviderJSON;

/** The providers offered on this form, in the instance's order; none on an instance without social sign-in. */
export function socialProviders(environment: EnvironmentJSON, flow: 'signIn' | 'signUp'): SocialProvider[] {
  return (environment.oauthProviders ?? []).filter((provider) => provider[flow]);
}

/** Blocks for up to two providers, icons beyond (as Clerk does), unless the app chose. */
export function buttonVariant(layout: Layout, count: number): 'blockButton' | 'iconButton' {
  const chosen = layout.socialButtonsVariant ?? 'auto';
  return chosen === 'auto' ? (count > 2 ? 'iconButton' : 'blockButton') : chosen;
}
