import { useEffect, useRef } from 'react';
import { isTopLayer, pushLayer, type Layer } from './layers';
import { lockScroll } from './scrollLock';
import { leavesContainer, nextTabbable, tabbables } from './tabbable';

export interface OverlayOptions {
  open: boolean;
  /** Asked to close: Escape, an outside press (popover), Tab out of it (popover). Called once per opening. */
  onClose(): void;
  /** The dialog element, once rendered (a callback ref's node, so a portal mounted late still counts). */
  content: HTMLElement | null;
  /**
   * Modal: focus cycles inside, the page behind does not scroll, and only
   * Escape, the backdrop or a button close it. Not modal (a popover): a
   * pointerdown outside closes it, and so does focus leaving it.
   */
  modal: boolean;
  /** The button that opens it: pressing it is not "outside", and focus goes back to it. Default: what had focus on opening. */
  trigger?: Element | null;
}

function focusable(element: Element | null | undefined): element is HTMLElement | SVGElement {
  return element instanceof HTMLElement || element instanceof SVGElement;
}

/** First field with autoFocus (React focused it already), else the first tabbable element, else the dialog itself. */
function focusInside(node: HTMLElement) {
  if (!node.contains(document.activeElement)) (tabbables(node)[0] ?? node).focus({ preventScroll: true });
}

/**
 * The behaviour of a dialog over the page: focus moves in when it opens and
 * back to the opener when it closes, Escape closes it, and Tab either cycles
 * inside (modal) or leaves and closes it (popover), focus going on from the
 * trigger as if the popover sat right after it in the page.
 */
export function useOverlay({ open, onClose, content, modal, trigger }: OverlayOptions): void {
  // The latest onClose, without re-running the effect (and moving focus) on every render.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const node = content;
    if (!open || !node) return;
    const opener = trigger ?? document.activeElement;
    let closed = false;
    const dismiss = () => {
      if (closed) return;
      closed = true;
      close.current();
    };
    const layer: Layer = { contains: (target) => node.contains(target) || !!trigger?.contains(target), dismiss, outsidePress: !modal };
    const removeLayer = pushLayer(layer);
    const unlockScroll = modal ? lockScroll() : () => {};
    focusInside(node);

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.defaultPrevented) return;
      const backwards = event.shiftKey;
      if (!leavesContainer(node, document.activeElement ?? node, backwards)) return;
      event.preventDefault();
      if (modal) {
        const all = tabbables(node);
        (backwards ? all.at(-1) : all[0])?.focus();
        return;
      }
      const to = backwards || !trigger ? trigger : (nextTabbable(trigger, node) ?? trigger);
      if (focusable(to)) to.focus();
      dismiss();
    };
    // Popover: focus moved elsewhere in the page (a screen reader, a script).
    // Not to the trigger, whose click toggles the popover itself; not to
    // nothing (the window lost focus).
    const onFocusOut = (event: FocusEvent) => {
      const to = event.relatedTarget;
      if (to instanceof Node && !layer.contains(to)) dismiss();
    };
    // Modal: focus that reaches the page behind (a click into another window
    // and back, a script) comes back inside, unless a layer above holds it.
    const onFocusIn = (event: FocusEvent) => {
      if (isTopLayer(layer) && event.target instanceof Node && !node.contains(event.target)) focusInside(node);
    };
    node.addEventListener('keydown', onKeyDown);
    if (modal) document.addEventListener('focusin', onFocusIn);
    else node.addEventListener('focusout', onFocusOut);

    return () => {
      node.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      node.removeEventListener('focusout', onFocusOut);
      removeLayer();
      unlockScroll();
      // Back to the opener, unless focus already went somewhere on purpose
      // (a click on another field, Tab out of the popover).
      const active = document.activeElement;
      const lost = !active || active === document.body || node.contains(active);
      if (lost && focusable(opener) && opener.isConnected) opener.focus();
    };
  }, [open, content, modal, trigger]);
}
