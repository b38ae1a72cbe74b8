import { useEffect, useLayoutEffect } from 'react';
import { autoUpdate, computePosition, flip, offset, shift, type Placement } from '@floating-ui/react';

// Before paint, so the card never shows at a wrong place; the server has no layout.
const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** Device pixels, so the card's text stays sharp under a fractional `translate`. */
function snap(value: number): number {
  const ratio = window.devicePixelRatio || 1;
  return Math.round(value * ratio) / ratio;
}

/**
 * Keeps `card` by `trigger` while both are mounted: 8px under it at
 * `placement`, flipped above or shifted sideways to stay 8px inside the
 * viewport, following scrolls and resizes. Floating UI's `computePosition` +
 * `autoUpdate` without its React wrapper: the position goes straight to the
 * element's style, so a scroll costs no render.
 */
export function usePopoverPosition(trigger: Element | null, card: HTMLElement | null, placement: Placement): void {
  useBeforePaint(() => {
    if (!trigger || !card) return;
    // Out of the flow before it is measured, or it would be as wide as <body>.
    Object.assign(card.style, { position: 'absolute', left: '0', top: '0' });
    return autoUpdate(trigger, card, () => {
      const middleware = [offset(8), flip({ padding: 8 }), shift({ padding: 8 })];
      void computePosition(trigger, card, { placement, middleware }).then(({ x, y }) => {
        card.style.transform = `translate(${snap(x)}px, ${snap(y)}px)`;
      });
    });
  }, [trigger, card, placement]);
}
