import type { User } from '@latch/react';

export interface Identity {
  /** What to call the person: full name, else username, else email address. */
  name: string;
  /** The primary email address, or null when it is already the name (no point saying it twice). */
  email: string | null;
  imageUrl: string | null;
  /** For the initials. */
  firstName: string | null;
  lastName: string | null;
}

export function identityOf(user: User): Identity {
  const email = user.primaryEmailAddress?.emailAddress ?? user.emailAddresses[0]?.emailAddress ?? null;
  const name = user.fullName ?? user.username ?? email ?? '';
  return { name, email: email === name ? null : email, imageUrl: user.imageUrl, firstName: user.firstName, lastName: user.lastName };
}
