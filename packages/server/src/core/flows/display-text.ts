import { fail } from '../errors';

/**
 * Characters that change how the text around them is shown without being
 * seen themselves: bidi embeddings and overrides (U+202A–U+202E), bidi
 * isolates (U+2066–U+2069), zero-width space, non-joiner and joiner
 * (U+200B–U+200D), word joiner (U+2060) and the BOM (U+FEFF). In a name they
 * make "Ada" and "A\u200Bda" two people who look alike, or turn
 * "evil\u202Egpj.exe" into "evilexe.jpg" on screen.
 */
const invisibleFormatting = /[\u200b-\u200d\u2060\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** Refuses text meant for display (names, usernames, identifiers) that carries invisible formatting. */
export function assertDisplayText(value: string, paramName: string): void {
  if (invisibleFormatting.test(value)) {
    throw fail('form_param_format_invalid', { paramName, message: 'Remove the invisible formatting characters.' });
  }
}
