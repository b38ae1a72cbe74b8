import { lazy, Suspense, useState } from 'react';
import type { User } from '@latch/react';
import { useLocalization } from '../../foundation';
import { EmailAddresses } from './EmailAddresses';
import { Section, SectionStatus } from './parts';
import { ProfileDetails } from './ProfileDetails';
import { ProfileImage } from './ProfileImage';
import { profileKit } from './profileKit';
import { useEnvironment } from './useEnvironment';

/** Social sign-in's section: its own chunk, loaded only on an instance with providers (or a user with a linked account). */
const ConnectedAccounts = /* @__PURE__ */ lazy(() => import('./ConnectedAccounts'));

/** The Account page: picture, names and username, email addresses, then connected accounts when there are providers. */
export function AccountPage({ user }: { user: User }) {
  const { t } = useLocalization();
  // One status line for the profile section, shared by the picture and the names form.
  const [status, setStatus] = useState<string | null>(null);
  const social = (useEnvironment()?.oauthProviders?.length ?? 0) > 0 || user.externalAccounts.length > 0;
  return (
    <>
      <Section title={t('userProfile.profile.title')}>
        <ProfileImage user={user} onStatus={setStatus} />
        <ProfileDetails user={user} onStatus={setStatus} />
        <SectionStatus message={status} />
      </Section>
      <EmailAddresses user={user} />
      {social && (
        <Suspense>
          <ConnectedAccounts user={user} kit={profileKit} />
        </Suspense>
      )}
    </>
  );
}

/** The name a person goes by here: full name, else username, else primary email. */
export function displayName(user: User): string {
  return user.fullName ?? user.username ?? user.primaryEmailAddress?.emailAddress ?? '';
}
