import { enUSCommon } from './en-US';
import type { LocalizationInput, LocalizationKey, LocalizationResource } from './types';

type Tree = { [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `over` laid on `base` key by key, so a partial resource keeps every string it leaves out. */
function deepMerge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isTree(value) && isTree(current) ? deepMerge(current, value) : value;
  }
  return out;
}

/** Lays partial resources over `base` in order (the last one wins per key). */
export function mergeLocalization(
  base: LocalizationResource,
  ...layers: (LocalizationInput | undefined)[]
): LocalizationResource {
  let out = base as unknown as Tree;
  for (const layer of layers) if (layer) out = deepMerge(out, layer as Tree);
  return out as unknown as LocalizationResource;
}

function lookup(tree: unknown, key: string): unknown {
  let node = tree;
  for (const part of key.split('.')) {
    if (!isTree(node)) return undefined;
    node = node[part];
  }
  return node;
}

/**
 * The string at `key` with `{{name}}` placeholders filled. Components render
 * resources merged over English (`ComponentRoot`); a shared key missing from
 * a hand-built one still falls back to English, any other shows the key. A
 * placeholder without a value stays visible so the gap is noticed.
 */
export function translate(
  resource: LocalizationResource,
  key: LocalizationKey,
  params?: Record<string, string | number>,
): string {
  const found = lookup(resource, key);
  const fallback = lookup(enUSCommon, key);
  const text = typeof found === 'string' ? found : typeof fallback === 'string' ? fallback : key;
  if (!params) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}
