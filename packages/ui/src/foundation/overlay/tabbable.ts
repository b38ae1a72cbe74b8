// What the Tab key reaches, in document order. Enough for our own dialogs:
// positive tabindex, radio groups and shadow roots are not handled.
const candidates = 'a[href],button,input,select,textarea,summary,iframe,[tabindex],[contenteditable]:not([contenteditable="false"])';

function isTabbable(element: HTMLElement): boolean {
  return (
    element.tabIndex >= 0 &&
    !element.matches(':disabled,input[type="hidden"]') &&
    !element.closest('[hidden],[inert]') &&
    // Without layout (jsdom) there is no checkVisibility: take the element as shown.
    (typeof element.checkVisibility !== 'function' || element.checkVisibility({ visibilityProperty: true }))
  );
}

export function tabbables(container: ParentNode): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(candidates)).filter(isTabbable);
}

function follows(from: Node, other: Node): boolean {
  return (from.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * Whether Tab (Shift+Tab when `backwards`) from `from` would leave
 * `container`: nothing tabbable inside comes after it (before it). From the
 * container itself, everything inside comes after.
 */
export function leavesContainer(container: HTMLElement, from: Node, backwards: boolean): boolean {
  return !tabbables(container).some((element) => element !== from && follows(from, element) !== backwards);
}

/** The first tabbable element after `after` in the page, outside `skip` (a popover portalled to the end of <body>). */
export function nextTabbable(after: Element, skip: Element): HTMLElement | undefined {
  return tabbables(document.body).find((element) => follows(after, element) && !after.contains(element) && !skip.contains(element));
}
