/**
 * The one email-address grammar Latch accepts: a single RFC 5321/5322
 * addr-spec, stricter than the RFCs, so that every mail library, SMTP server
 * and person reads it as the same one mailbox.
 *
 * - local part: a dot-atom of RFC 5322 atext (ASCII letters, digits and
 *   ! # $ % & ' * + - / = ? ^ _ ` { | } ~), 1–64 characters, no leading,
 *   trailing or doubled dot. So no quoted strings, comments, display names,
 *   groups or lists: none of < > , ; : ( ) " [ ] \ @, whitespace or control
 *   characters, and nothing non-ASCII (fullwidth and other look-alikes of
 *   ASCII included).
 * - domain: at least two dot-separated LDH labels (letters, digits, inner
 *   hyphens; 1–63 characters each) once an internationalized domain is
 *   turned into punycode with the WHATWG URL parser (isomorphic: no
 *   node:url); characters that merely look like ASCII (fullwidth letters and
 *   dots, mathematical letters) are refused rather than folded, and a
 *   numeric top-level label (an IP address) is refused.
 * - the whole address: at most 254 characters, lowercased.
 *
 * Returns the canonical form, or null for anything else.
 */
const atext = "[a-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
// Tested before lowercasing: a few non-ASCII letters (the Kelvin sign) lowercase to ASCII ones.
const dotAtom = new RegExp(`^${atext}(?:\\.${atext})*$`, 'i');
const ldhLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Letters, marks, digits, hyphens and dots: what an IDN may be typed with. */
const idnCharacters = /^[\p{L}\p{M}\p{N}.-]+$/u;

const maxLocalPart = 64;
const maxAddress = 254;

export function canonicalEmailAddress(raw: string): string | null {
  const at = raw.indexOf('@');
  if (at < 0 || at !== raw.lastIndexOf('@')) return null;
  const local = raw.slice(0, at);
  const domain = asciiDomain(raw.slice(at + 1));
  if (local.length > maxLocalPart || !dotAtom.test(local) || domain === null) return null;
  const address = `${local.toLowerCase()}@${domain}`;
  return address.length <= maxAddress ? address : null;
}

function asciiDomain(raw: string): string | null {
  if (!idnCharacters.test(raw) || [...raw].some(looksLikeAscii)) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${raw}`).hostname;
  } catch {
    return null;
  }
  const labels = hostname.split('.');
  if (labels.length < 2 || !labels.every((label) => ldhLabel.test(label))) return null;
  if (/^[0-9]+$/.test(labels.at(-1) ?? '')) return null;
  return hostname;
}

/** A non-ASCII character whose compatibility form is ASCII, such as "ａ" (U+FF41) or "𝐚" (U+1D41A). */
function looksLikeAscii(char: string): boolean {
  // eslint-disable-next-line no-control-regex
  return char > '\u007f' && /[\u0000-\u007f]/.test(char.normalize('NFKC'));
}
