// Hand-written dialog behaviour (focus, dismissal, scroll lock), so the
// components need Floating UI only to position the UserButton popover.
export { Portal } from './Portal';
export { useOverlay, type OverlayOptions } from './useOverlay';
