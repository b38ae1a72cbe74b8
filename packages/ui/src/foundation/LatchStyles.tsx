import { latchCss } from './styles';

/**
 * The stylesheet as a React 19 hoistable `<style>`: `href` + `precedence` make
 * React move it into <head> and keep one copy however many components render
 * (on the server too). A `nonce` lets it pass a CSP `style-src 'nonce-…'`.
 */
export function LatchStyles({ nonce }: { nonce?: string }) {
  return (
    <style href="latch-ui" precedence="default" nonce={nonce}>
      {latchCss}
    </style>
  );
}
