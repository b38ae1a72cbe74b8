import base from '../styles/latch.css?raw';

/**
 * The sheet every component injects: the scoped reset, the root and the
 * shared parts (card, fields, buttons, alerts, avatars). Each component adds
 * its own (`ComponentRoot`'s `stylesheet`), so a page ships only the CSS of
 * the components it renders. The build concatenates all of them, in the order
 * listed in tsup.config.ts, into dist/styles.css.
 */
export const baseCss = base;
