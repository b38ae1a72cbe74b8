import { defaultSettings, type DeepPartial, type InstanceSettings } from '../core/settings';
import { ConfigError, readJsonSetting, type RawSetting } from './config-values';

// Redirect origins have their own setting (LATCH_REDIRECT_ORIGINS); the file holds the rest.
const { allowedRedirectOrigins: _setElsewhere, ...fileModel } = defaultSettings;
const fieldRequirements: unknown[] = ['required', 'optional', 'off'];
const emailMethods: unknown[] = ['code', 'link', 'both'];

/**
 * Reads instance settings from a JSON file: any subset of the defaults'
 * shape, e.g. `{ "multiSession": true, "signUp": { "fields": { "username": "required" } } }`.
 * A misspelled key or a wrong type is an error that names it, not a setting
 * silently ignored.
 */
export function readSettingsFile(setting: RawSetting): DeepPartial<InstanceSettings> {
  const { json, problem } = readJsonSetting(setting);
  checkShape(json, fileModel, '', problem);
  return json as DeepPartial<InstanceSettings>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkShape(value: unknown, model: unknown, path: string, problem: (message: string) => ConfigError): void {
  const got = JSON.stringify(value);
  if (isObject(model)) {
    if (!isObject(value)) throw problem(`${path ? `'${path}'` : 'the file'} must be an object, got ${got}`);
    for (const [key, inner] of Object.entries(value)) {
      const innerPath = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(model, key)) throw problem(`unknown setting '${innerPath}'`);
      checkShape(inner, model[key], innerPath, problem);
    }
  } else if (path.startsWith('signUp.fields.')) {
    if (!fieldRequirements.includes(value)) throw problem(`'${path}' must be "required", "optional" or "off", got ${got}`);
  } else if (path === 'emailVerification.method') {
    if (!emailMethods.includes(value)) throw problem(`'${path}' must be "code", "link" or "both", got ${got}`);
  } else if (model === null) {
    if (value !== null && typeof value !== 'string') throw problem(`'${path}' must be a string or null, got ${got}`);
  } else if (typeof model === 'number') {
    if (!Number.isInteger(value) || (value as number) < 1) throw problem(`'${path}' must be a positive integer, got ${got}`);
  } else if (typeof value !== typeof model) {
    throw problem(`'${path}' must be a ${typeof model}, got ${got}`);
  }
}
