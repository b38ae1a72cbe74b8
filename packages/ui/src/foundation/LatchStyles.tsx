import { useInsertionEffect, version } from 'react';
import { useRenderingHtml } from './renderingHtml';

export interface LatchStylesProps {
  /** Stable per stylesheet (`latch-ui`, `latch-signIn`, …): one copy per id in the document, however many components render it. */
  id: string;
  css: string;
  /** Lets the sheet pass a CSP `style-src 'nonce-…'`. */
  nonce?: string;
  /**
   * The sheet is in the app's cascade layer (`appearance.cssLayerName`): it
   * goes at the end of <head>, after the app's own CSS, so that the app's
   * `@layer …;` order statement is read first and decides where the layer
   * sits (a sheet first in <head> would declare the layer, and so put it
   * below every other, before the app had its say).
   */
  layered?: boolean;
}

/**
 * React 19: a hoistable `<style>`. `href` + `precedence` make React move it
 * into <head> and keep one copy per `href`, on the server too (where React
 * stamps it with its own `nonce.style` render option).
 */
function HoistedStyles({ id, css, nonce }: LatchStylesProps) {
  return (
    <style href={id} precedence="default" nonce={nonce}>
      {css}
    </style>
  );
}

/**
 * React 18 has no hoisting, so: the server and the hydrating render put the
 * sheet in place (the server HTML is styled before any script runs, and
 * hydration finds the same element); an insertion effect keeps one copy in
 * <head>; every client render after that (the next one, or a fresh mount)
 * renders nothing. So after mount there is one `<style>` per id, whatever
 * mounts or unmounts later, as with React 19, which also keeps hoisted sheets.
 */
function HeadStyles({ id, css, nonce, layered = false }: LatchStylesProps) {
  const renderingHtml = useRenderingHtml();
  useInsertionEffect(() => insertOnce(id, css, nonce, layered), [id, css, nonce, layered]);
  if (!renderingHtml) return null;
  return (
    <style
      data-latch-style={id}
      nonce={nonce}
      // Browsers hide a parsed nonce from the DOM: React 18 would call it a mismatch.
      suppressHydrationWarning
      // React 18 escapes text in a <style> (`>` becomes `&gt;`), which breaks
      // selectors and hydration. This is the package's own CSS, never data, and
      // with `<` escaped as CSS allows it cannot close the element.
      // eslint-disable-next-line no-restricted-syntax
      dangerouslySetInnerHTML={{ __html: css.replace(/</g, '\\3c ') }}
    />
  );
}

/**
 * At the start of <head>, after Latch's other sheets (the shared one comes
 * before each component's), where React 19 puts hoisted sheets too: the app's
 * own CSS, after them, wins ties. Layered sheets go at the end instead.
 */
function insertOnce(id: string, css: string, nonce: string | undefined, layered: boolean): void {
  const sheets = document.head.querySelectorAll('style[data-latch-style]');
  if ([...sheets].some((sheet) => sheet.getAttribute('data-latch-style') === id)) return;
  const style = document.createElement('style');
  style.setAttribute('data-latch-style', id);
  // The attribute, not the property: browsers take the nonce from it, and show it to no script.
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = css;
  const last = sheets[sheets.length - 1];
  if (layered) document.head.append(style);
  else if (last) last.after(style);
  else document.head.prepend(style);
}

const Styles = parseInt(version) > 18 ? HoistedStyles : HeadStyles;

/**
 * The stylesheet, one copy in <head> per id, server-rendered and hydrated
 * alike on React 18 and 19. A layered sheet takes the React 18 way on 19 too:
 * React 19 would hoist it to the start of <head>.
 */
export function LatchStyles(props: LatchStylesProps) {
  return props.layered ? <HeadStyles {...props} /> : <Styles {...props} />;
}
