/** An open overlay: the UserButton popover, a modal. */
export interface Layer {
  /** Whether `target` belongs to the layer (its content and, for a popover, its trigger). */
  contains(target: Node): boolean;
  dismiss(): void;
  /** A pointerdown outside dismisses it: popovers do, a modal leaves that to its backdrop. */
  outsidePress: boolean;
}

// Open layers, innermost last. Module state because there is one document for
// every component on the page, and only the innermost layer answers Escape or
// an outside press: Escape in the profile modal must not also close what
// opened it.
const layers: Layer[] = [];

function onKeyDown(event: KeyboardEvent) {
  // Bubble phase, and not when handled already: a widget inside that uses
  // Escape itself (an inline panel of UserProfile) stops it first.
  if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
  layers.at(-1)?.dismiss();
}

function onPointerDown(event: PointerEvent) {
  const top = layers.at(-1);
  if (top?.outsidePress && event.target instanceof Node && !top.contains(event.target)) top.dismiss();
}

/** Adds `layer` on top; returns its removal. */
export function pushLayer(layer: Layer): () => void {
  if (layers.length === 0) {
    document.addEventListener('keydown', onKeyDown);
    // Capture phase: the page's own stopPropagation must not keep a popover open.
    document.addEventListener('pointerdown', onPointerDown, true);
  }
  layers.push(layer);
  return () => {
    const index = layers.indexOf(layer);
    if (index !== -1) layers.splice(index, 1);
    if (layers.length === 0) {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown, true);
    }
  };
}

export function isTopLayer(layer: Layer): boolean {
  return layers.at(-1) === layer;
}
