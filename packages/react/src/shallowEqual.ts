/**
 * True when two selections hold the same values one level deep: the same keys
 * of a plain object, or the same items of an array, compared with `Object.is`.
 * Anything else (a resource object, a primitive) is compared with `Object.is`
 * alone, because the client keeps a resource's identity while its JSON is
 * unchanged: a new identity means new data.
 */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (!isPlainContainer(a) || !isPlainContainer(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && Object.is(a[key], b[key]));
}

function isPlainContainer(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}
