import type { EnvironmentJSON, PasswordPolicy, SignUpCreateBody } from '@latch/protocol';
import type { Layout, LocalizationKey } from '../../foundation';

export type SignUpFieldName = 'firstName' | 'lastName' | 'username' | 'emailAddress' | 'password';
export type SignUpValues = Record<SignUpFieldName, string>;
/** What can carry an error on the start step: a field, or the consent checkbox. */
export type SignUpErrorTarget = SignUpFieldName | 'legal';

export const emptyValues: SignUpValues = { firstName: '', lastName: '', username: '', emailAddress: '', password: '' };

/** The order fields appear in: names first, then how the person will sign in. */
const fieldOrder: SignUpFieldName[] = ['firstName', 'lastName', 'username', 'emailAddress', 'password'];

export interface FieldPlan {
  name: SignUpFieldName;
  required: boolean;
}

/**
 * The fields to show: every one the instance does not turn off, minus the
 * optional ones when `layout.showOptionalFields` is false.
 */
export function planFields(environment: EnvironmentJSON, layout: Layout): FieldPlan[] {
  const settings = environment.signUp.fields;
  return fieldOrder
    .filter((name) => settings[name] === 'required' || (settings[name] === 'optional' && layout.showOptionalFields !== false))
    .map((name) => ({ name, required: settings[name] === 'required' }));
}

/** Length as the server counts it: code points after NFKC, so the hints and the server agree. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

export interface PasswordRule {
  key: 'minLength' | 'maxLength';
  count: number;
  met: boolean;
}

/** The length rules of the policy, each met or not by `password`. (Commonness only the server can judge.) */
export function passwordRules(policy: PasswordPolicy, password: string): PasswordRule[] {
  const length = passwordLength(password);
  return [
    { key: 'minLength', count: policy.minLength, met: length >= policy.minLength },
    { key: 'maxLength', count: policy.maxLength, met: length <= policy.maxLength },
  ];
}

// Only a sanity check so a typo is caught before a round trip; the server has the final word.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks what the browser can: required fields filled, an email-shaped email,
 * a password within the length policy, consent given when asked for. Returns
 * the message key for each field in error.
 */
export function validate(
  values: SignUpValues,
  plan: FieldPlan[],
  policy: PasswordPolicy,
  consent: { asked: boolean; given: boolean },
): Partial<Record<SignUpErrorTarget, LocalizationKey>> {
  const errors: Partial<Record<SignUpErrorTarget, LocalizationKey>> = {};
  for (const { name, required } of plan) {
    const value = name === 'password' ? values.password : values[name].trim();
    if (value === '') {
      if (required) errors[name] = 'errors.form_param_missing';
    } else if (name === 'emailAddress' && !emailShape.test(value)) {
      errors[name] = 'validation.emailInvalid';
    } else if (name === 'password') {
      const length = passwordLength(value);
      if (length < policy.minLength) errors[name] = 'errors.form_password_length_too_short';
      else if (length > policy.maxLength) errors[name] = 'errors.form_password_length_too_long';
    }
  }
  if (consent.asked && !consent.given) errors.legal = 'signUp.legal.required';
  return errors;
}

/** The `signUp.create` body: the shown fields that hold something (names trimmed, the password as typed). */
export function createBody(values: SignUpValues, plan: FieldPlan[]): SignUpCreateBody {
  const body: SignUpCreateBody = {};
  for (const { name } of plan) {
    const value = name === 'password' ? values.password : values[name].trim();
    if (value !== '') body[name] = value;
  }
  return body;
}
