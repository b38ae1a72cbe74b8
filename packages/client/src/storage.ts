/**
 * Where header mode keeps the client token between page loads. The subset of
 * the Web Storage API that Latch uses, so `localStorage` and `sessionStorage`
 * fit as they are; native apps can pass a secure store behind it.
 */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage that forgets everything when the page (or process) ends. */
export function createMemoryStorage(): TokenStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** `localStorage` when the page has one (it throws in some privacy modes), else memory. */
export function defaultTokenStorage(): TokenStorage {
  try {
    if (typeof localStorage !== 'undefined' && localStorage) return localStorage;
  } catch {
    // Accessing localStorage throws when storage is blocked: fall through to memory.
  }
  return createMemoryStorage();
}
