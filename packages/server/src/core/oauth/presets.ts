/**
 * The built-in providers: where each one's endpoints are, what to ask for,
 * and how its answer maps onto our profile. Pure data and functions, so each
 * preset is unit-tested without a network.
 */
import type { OAuthPresetId } from '@latch/protocol';
import type { ExternalProfile } from '../store/records';

/** Claims from the ID token and userinfo merged, or a plain OAuth provider's userinfo JSON. */
export type Claims = Record<string, unknown>;

/** What a provider's answer says about the account (scopes and provider id are added by the caller). */
export type MappedProfile = Omit<ExternalProfile, 'provider' | 'scopes'>;

/** Extra answers a preset may fold in: Apple's first-login `user` form field, GitHub's email list. */
export interface ProfileExtras {
  /** Apple: the `user` JSON its form_post carries on the first login only. */
  formPostUser?: string | null;
  /** GitHub: `GET /user/emails`. */
  emails?: unknown;
}

export interface StaticEndpoints {
  authorization: string;
  token: string;
  userinfo?: string;
  jwks?: string;
}

export interface ProviderDefinition {
  name: string;
  /** `oidc`: ID token validated, nonce sent; `oauth2`: userinfo is the profile. */
  protocol: 'oidc' | 'oauth2';
  /** OIDC issuer, found by discovery unless `endpoints` are given. Microsoft's is tenant-templated (`{tenantid}`). */
  issuer?: string;
  endpoints?: StaticEndpoints;
  scopes: string[];
  /** Apple posts the answer to the redirect URI instead of putting it in the query. */
  responseMode?: 'form_post';
  /** Token endpoint client authentication; default `client_secret_post`. */
  clientAuth?: 'client_secret_post' | 'client_secret_basic';
  /** GitHub: a second userinfo request for the verified addresses. */
  emailsUrl?: string;
  profile(claims: Claims, extras: ProfileExtras): MappedProfile;
  /**
   * Whether a verified email from this provider is good enough to link to an
   * existing account with that email without proving the account first. Only
   * providers that own the mailbox they vouch for: Google, Apple, and
   * Microsoft for its own consumer domains.
   */
  trustsEmail(profile: MappedProfile, claims: Claims): boolean;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const id = (value: unknown): string => (typeof value === 'number' ? String(value) : (str(value) ?? ''));
/** `email_verified` may be a boolean or, from Apple, the string "true". */
const truthy = (value: unknown): boolean => value === true || value === 'true';

/** The standard OIDC claims: `sub`, `email`, `email_verified`, `given_name`, `family_name`, `picture`. */
export function oidcProfile(claims: Claims): MappedProfile {
  const email = str(claims.email);
  return {
    providerUserId: id(claims.sub),
    emailAddress: email,
    emailVerified: email !== null && truthy(claims.email_verified),
    firstName: str(claims.given_name) ?? (str(claims.family_name) ? null : str(claims.name)),
    lastName: str(claims.family_name),
    username: str(claims.preferred_username) ?? str(claims.nickname),
    imageUrl: str(claims.picture),
  };
}

const never = () => false;

/** Microsoft's consumer tenant (personal accounts): its addresses on Microsoft's own domains are mailboxes Microsoft runs. */
const microsoftConsumerTenant = '9188040d-6c67-4c5b-b112-36a304b66dad';
const microsoftDomains = new Set(['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com']);

export const presets: Record<OAuthPresetId, ProviderDefinition> = {
  google: {
    name: 'Google',
    protocol: 'oidc',
    issuer: 'https://accounts.google.com',
    scopes: ['openid', 'email', 'profile'],
    profile: oidcProfile,
    trustsEmail: (profile) => profile.emailVerified,
  },
  microsoft: {
    name: 'Microsoft',
    protocol: 'oidc',
    // The common endpoint serves every tenant: each ID token's issuer names its own (`tid`).
    issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
    endpoints: {
      authorization: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
      token: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      userinfo: 'https://graph.microsoft.com/oidc/userinfo',
      jwks: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    },
    scopes: ['openid', 'email', 'profile'],
    profile(claims) {
      // Entra ID's `email` is not verified by anyone (an admin can type any); `xms_edov` says the domain is the tenant's own.
      const email = str(claims.email);
      const consumerDomain = email !== null && claims.tid === microsoftConsumerTenant && microsoftDomains.has(email.split('@')[1]!.toLowerCase());
      return { ...oidcProfile(claims), emailVerified: email !== null && (consumerDomain || truthy(claims.xms_edov)) };
    },
    trustsEmail: (profile, claims) =>
      profile.emailVerified && claims.tid === microsoftConsumerTenant && microsoftDomains.has(profile.emailAddress!.split('@')[1]!.toLowerCase()),
  },
  apple: {
    name: 'Apple',
    protocol: 'oidc',
    issuer: 'https://appleid.apple.com',
    scopes: ['openid', 'email', 'name'],
    responseMode: 'form_post',
    profile(claims, extras) {
      // The name comes once, on the first sign-in, in the form post's `user` field; never in the ID token.
      const user = parseJson(extras.formPostUser) as { name?: { firstName?: unknown; lastName?: unknown } } | null;
      return {
        ...oidcProfile(claims),
        firstName: str(user?.name?.firstName),
        lastName: str(user?.name?.lastName),
        username: null,
        imageUrl: null,
      };
    },
    trustsEmail: (profile) => profile.emailVerified,
  },
  gitlab: {
    name: 'GitLab',
    protocol: 'oidc',
    issuer: 'https://gitlab.com',
    scopes: ['openid', 'email', 'profile'],
    profile: oidcProfile,
    trustsEmail: never,
  },
  github: {
    name: 'GitHub',
    protocol: 'oauth2',
    endpoints: {
      authorization: 'https://github.com/login/oauth/authorize',
      token: 'https://github.com/login/oauth/access_token',
      userinfo: 'https://api.github.com/user',
    },
    emailsUrl: 'https://api.github.com/user/emails',
    scopes: ['read:user', 'user:email'],
    profile(claims, extras) {
      // `/user`'s email is the public one, unverified; `/user/emails` says which is primary and verified.
      const list = Array.isArray(extras.emails) ? (extras.emails as { email?: unknown; primary?: unknown; verified?: unknown }[]) : [];
      const primary = list.find((entry) => entry.primary === true) ?? null;
      const email = str(primary?.email) ?? str(claims.email);
      const [first, ...rest] = (str(claims.name) ?? '').split(/\s+/).filter(Boolean);
      return {
        providerUserId: id(claims.id),
        emailAddress: email,
        emailVerified: primary !== null && primary.verified === true && str(primary.email) === email,
        firstName: first ?? null,
        lastName: rest.length > 0 ? rest.join(' ') : null,
        username: str(claims.login),
        imageUrl: str(claims.avatar_url),
      };
    },
    trustsEmail: never,
  },
  discord: {
    name: 'Discord',
    protocol: 'oauth2',
    endpoints: {
      authorization: 'https://discord.com/oauth2/authorize',
      token: 'https://discord.com/api/oauth2/token',
      userinfo: 'https://discord.com/api/users/@me',
    },
    scopes: ['identify', 'email'],
    profile(claims) {
      const userId = id(claims.id);
      const avatar = str(claims.avatar);
      const email = str(claims.email);
      return {
        providerUserId: userId,
        emailAddress: email,
        emailVerified: email !== null && claims.verified === true,
        firstName: str(claims.global_name),
        lastName: null,
        username: str(claims.username),
        imageUrl: avatar ? `https://cdn.discordapp.com/avatars/${encodeURIComponent(userId)}/${encodeURIComponent(avatar)}.png` : null,
      };
    },
    trustsEmail: never,
  },
};

export function isPresetId(value: string): value is OAuthPresetId {
  return Object.hasOwn(presets, value);
}

function parseJson(value: string | null | undefined): unknown {
  if (!value) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
