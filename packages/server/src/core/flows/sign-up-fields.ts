import type { SignUpField } from '@latch/protocol';
import type { InstanceSettings } from '../settings';
import type { SignUpRecord } from '../store/records';

const allFields: SignUpField[] = ['emailAddress', 'password', 'firstName', 'lastName', 'username'];

export function requiredFields(settings: InstanceSettings): SignUpField[] {
  return allFields.filter((field) => settings.signUp.fields[field] === 'required');
}

export function optionalFields(settings: InstanceSettings): SignUpField[] {
  return allFields.filter((field) => settings.signUp.fields[field] === 'optional');
}

function hasValue(signUp: SignUpRecord, field: SignUpField): boolean {
  return field === 'password' ? signUp.passwordHash !== null : signUp[field] !== null;
}

/** A sign-up through a provider needs no password: the provider account is how it signs in. */
export function missingFields(settings: InstanceSettings, signUp: SignUpRecord): SignUpField[] {
  return requiredFields(settings).filter((field) => !hasValue(signUp, field) && !(field === 'password' && signUp.oauthProvider));
}

export function unverifiedFields(signUp: SignUpRecord): SignUpField[] {
  return signUp.emailAddress !== null && signUp.emailVerification?.status !== 'verified' ? ['emailAddress'] : [];
}
