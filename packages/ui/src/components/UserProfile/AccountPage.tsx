import { useState } from 'react';
import type { User } from '@latch/react';
import { useLocalization } from '../../foundation';
import { EmailAddresses } from './EmailAddresses';
import { Section, SectionStatus } from './parts';
import { ProfileDetails } from './ProfileDetails';
import { ProfileImage } from './ProfileImage';

/** The Account page: picture, names and username, then email addresses. */
export function AccountPage({ user }: { user: User }) {
  const { t } = useLocalization();
  // One status line for the profile section, shared by the picture and the names form.
  const [status, setStatus] = useState<string | null>(null);
  return (
    <>
      <Section title={t('userProfile.profile.title')}>
        <ProfileImage user={user} onStatus={setStatus} />
        <ProfileDetails user={user} onStatus={setStatus} />
        <SectionStatus message={status} />
      </Section>
      <EmailAddresses user={user} />
    </>
  );
}

/** The name a person goes by here: full name, else username, else primary email. */
export function displayName(user: User): string {
  return user.fullName ?? user.username ?? user.primaryEmailAddress?.emailAddress ?? '';
}
