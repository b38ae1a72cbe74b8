import type { EnvironmentJSON } from '@latch/protocol';
import type { Layout } from '../foundation';

/**
 * One enabled provider as the environment lists it. `strategy` is what the
 * hooks take (`oauth_google`), `id` the preset ('google', 'github', …, or the
 * instance's own id for a generic OpenID Connect / OAuth 2.0 provider), `name`
 * what the button says.
 */
export interface SocialProvider {
  id: string;
  strategy: string;
  name: string;
}

/** The providers enabled for sign-in or sign-up, in the instance's order; none on an instance without social sign-in. */
export function socialProviders(environment: EnvironmentJSON, flow: 'signIn' | 'signUp'): SocialProvider[] {
  const listed = (environment as { socialProviders?: (SocialProvider & { signIn?: boolean; signUp?: boolean })[] }).socialProviders ?? [];
  return listed.filter((provider) => provider[flow] !== false);
}

/** Blocks for up to two providers, icons beyond (as Clerk does), unless the app chose. */
export function buttonVariant(layout: Layout, count: number): 'blockButton' | 'iconButton' {
  const chosen = layout.socialButtonsVariant ?? 'auto';
  return chosen === 'auto' ? (count > 2 ? 'iconButton' : 'blockButton') : chosen;
}
