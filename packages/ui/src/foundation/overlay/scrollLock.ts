// One lock for the page however many modals are open (a modal opened from a
// modal): the first takes it, the last one closed gives the old styles back.
let locks = 0;
let restore = () => {};

/** Stops the page behind a modal from scrolling; returns the release. */
export function lockScroll(): () => void {
  if (locks++ === 0) {
    const body = document.body;
    const saved = { overflow: body.style.overflow, paddingRight: body.style.paddingRight };
    // Hiding the scrollbar widens the page: pad it so nothing shifts under the backdrop.
    const scrollbar = window.innerWidth - document.documentElement.clientWidth;
    const padding = parseFloat(getComputedStyle(body).paddingRight) || 0;
    body.style.overflow = 'hidden';
    if (scrollbar > 0) body.style.paddingRight = `${padding + scrollbar}px`;
    restore = () => Object.assign(body.style, saved);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--locks === 0) restore();
  };
}
