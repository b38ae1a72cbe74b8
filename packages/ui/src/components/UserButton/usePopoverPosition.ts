import { useEffect, useLayoutEffect } from 'react';
import type { Placement } from '@floating-ui/dom';

// Before paint, so the card never shows at a wrong place; the server has no layout.
const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;

let floatingUi: Promise<typeof import('@floating-ui/dom')> | undefined;
/**
 * Floating UI (about 6 KB gzip) is only for the open popover, so it loads on
 * demand, like the QR encoder: asked for as soon as a UserButton is on the
 * page, it is there by the time someone opens it.
 */
function loadFloatingUi(): Promise<typeof import('@floating-ui/dom')> {
  return (floatingUi ??= import('@floating-ui/dom'));
}

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
  useEffect(() => {
    if (trigger) void loadFloatingUi();
  }, [trigger]);

  useBeforePaint(() => {
    if (!trigger || !card) return;
    // Out of the flow before it is measured, or it would be as wide as <body>.
    Object.assign(card.style, { position: 'absolute', left: '0', top: '0' });
    // Unseen until first placed, should the module still be on its way (opacity,
    // not visibility: the card stays in the accessibility tree). Once loaded,
    // the promise settles before the browser paints.
    if (!card.style.transform) card.style.opacity = '0';
    let live = true;
    let stop: (() => void) | undefined;
    void loadFloatingUi().then(({ autoUpdate, computePosition, flip, offset, shift }) => {
      if (!live) return;
      stop = autoUpdate(trigger, card, () => {
        const middleware = [offset(8), flip({ padding: 8 }), shift({ padding: 8 })];
        void computePosition(trigger, card, { placement, middleware }).then(({ x, y }) => {
          card.style.transform = `translate(${snap(x)}px, ${snap(y)}px)`;
          card.style.opacity = '';
        });
      });
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [trigger, card, placement]);
}
