import type { UserRecord } from '../store/records';

/**
 * A per-instance template of extra session-token claims, e.g.
 * `{ "role": "{{user.publicMetadata.role}}" }`. A string that is exactly one
 * `{{…}}` becomes the value it names (an object, array or number stays one;
 * missing is null); a string with text around the placeholders becomes a
 * string. Objects and arrays are rendered inside. Only what the user may
 * read can appear: the token goes to the browser.
 */
export type ClaimsTemplate = Record<string, unknown>;

/** What a template may name; `user.publicMetadata` may be followed by a path. */
const variables = ['user.id', 'user.username', 'user.firstName', 'user.lastName', 'user.primaryEmailAddress', 'user.publicMetadata'] as const;
const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** Registered claims the server sets itself; a template cannot overwrite them. */
const reservedClaims = new Set(['iss', 'sub', 'sid', 'iat', 'nbf', 'exp', 'aud', 'azp', 'jti']);
const maxTemplateBytes = 4096;

export class ClaimsTemplateError extends Error {
  override readonly name = 'ClaimsTemplateError';
}

export interface ClaimsUser {
  user: UserRecord;
  primaryEmailAddress: string | null;
}

/** Checks a template once, at start-up; throws ClaimsTemplateError saying what is wrong and where. */
export function validateClaimsTemplate(template: unknown, setting = 'sessionClaims'): ClaimsTemplate {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    throw new ClaimsTemplateError(`${setting} must be a JSON object of claims, e.g. {"role":"{{user.publicMetadata.role}}"}`);
  }
  if (JSON.stringify(template).length > maxTemplateBytes) throw new ClaimsTemplateError(`${setting} is longer than ${maxTemplateBytes} bytes`);
  for (const claim of Object.keys(template)) {
    if (reservedClaims.has(claim)) throw new ClaimsTemplateError(`${setting}: the claim '${claim}' is set by the server and cannot be templated`);
  }
  checkValue(template, setting);
  return template as ClaimsTemplate;
}

function checkValue(value: unknown, where: string): void {
  if (typeof value === 'string') {
    for (const [, name = ''] of value.matchAll(placeholder)) {
      if (!isKnownVariable(name)) {
        throw new ClaimsTemplateError(`${where}: unknown variable '{{${name}}}'; use ${variables.join(', ')} or user.publicMetadata.<path>`);
      }
    }
    if (/\{\{|\}\}/.test(value.replace(placeholder, ''))) throw new ClaimsTemplateError(`${where}: unbalanced '{{' or '}}' in ${JSON.stringify(value)}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkValue(item, `${where}[${index}]`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) checkValue(inner, `${where}.${key}`);
  }
}

function isKnownVariable(name: string): boolean {
  if (name.startsWith('user.publicMetadata.')) return /^user\.publicMetadata(\.[A-Za-z0-9_$-]+)+$/.test(name);
  return (variables as readonly string[]).includes(name);
}

/** The template's claims for this user. */
export function renderClaims(template: ClaimsTemplate, subject: ClaimsUser): Record<string, unknown> {
  return render(template, subject) as Record<string, unknown>;
}

function render(value: unknown, subject: ClaimsUser): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*([^{}]*?)\s*\}\}$/.exec(value);
    if (whole) return lookup(whole[1] ?? '', subject) ?? null;
    return value.replace(placeholder, (_, name: string) => {
      const found = lookup(name, subject);
      if (found === undefined || found === null) return '';
      return typeof found === 'string' ? found : JSON.stringify(found);
    });
  }
  if (Array.isArray(value)) return value.map((item) => render(item, subject));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, render(inner, subject)]));
  }
  return value;
}

function lookup(name: string, { user, primaryEmailAddress }: ClaimsUser): unknown {
  const [, field, ...path] = name.split('.');
  let value: unknown;
  if (field === 'publicMetadata') value = user.publicMetadata ?? {};
  else if (field === 'primaryEmailAddress') value = primaryEmailAddress;
  else if (field === 'id' || field === 'username' || field === 'firstName' || field === 'lastName') value = user[field];
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
