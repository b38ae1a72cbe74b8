import { Fragment, type ReactNode } from 'react';

const emailPattern = /[^\s@]+@[^\s@]+/g;

/**
 * `text` with a line-break opportunity (`<wbr>`) after the @ and before each
 * dot of every email address in it, so that a long address in a narrow column
 * wraps as "ada.lovelace@ / example.org" rather than mid-word (or not at all,
 * pushing the box wider than the screen). Only where it must wrap; the text
 * and its accessible name are unchanged.
 */
export function breakableEmails(text: string): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(emailPattern)) {
    parts.push(text.slice(last, match.index));
    const pieces = match[0].split(/(?<=@)|(?=\.)/);
    pieces.forEach((piece, index) => {
      if (index > 0) parts.push(<wbr key={`${match.index}-${index}`} />);
      parts.push(piece);
    });
    last = match.index + match[0].length;
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.map((part, index) => (typeof part === 'string' ? <Fragment key={`t${index}`}>{part}</Fragment> : part));
}
