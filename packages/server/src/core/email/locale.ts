/**
 * Picks the first of `supported` that the Accept-Language header asks for,
 * by quality then order, matching on the primary subtag (`fr-CA` → `fr`).
 * Anything unreadable falls back to `fallback`.
 */
export function negotiateLocale<T extends string>(acceptLanguage: string | null, supported: readonly T[], fallback: T): T {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', quality: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { language } of wanted) {
    const match = supported.find((locale) => locale === language);
    if (match) return match;
  }
  return fallback;
}
