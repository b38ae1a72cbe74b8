/**
 * How Latch's rules meet the host page's. The sources (src/styles/*.css) are
 * plain rules on `latch-` classes; what reaches the page is one of two forms:
 *
 * - Unlayered (default): every rule twice. Once for elements that carry no
 *   `appearance.elements` class, with an id's weight (`:not(#\#, …)`), so no
 *   host rule short of an id (`h1`, `section button`, `input[type=text]`,
 *   Bootstrap's `[type=button]:not(:disabled)`) reaches in; and once for
 *   elements that do (`[data-latch-custom]`, set by `useElement`), at exactly
 *   one class's weight, so the app's class, later in the document, wins, and
 *   host element rules still lose.
 * - In a named layer (`appearance.cssLayerName`): the rules as written, inside
 *   `@layer <name>`. The app orders its layers; anything in a later layer or
 *   unlayered wins.
 *
 * The doubling happens here, at run time, so the shipped text holds each rule
 * once (the build runs the same function for dist/styles.css).
 */

/** The attribute `useElement` sets on elements that carry an `appearance.elements` class. */
export const customAttribute = 'data-latch-custom' as const;
const custom = `[${customAttribute}]`;

/** A selector list split at its top-level commas (not those inside `:is(…)`). */
function selectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((s) => s.trim());
}

/** `wrap` applied to each selector of the list, keeping a trailing pseudo-element outside (`:is()` takes none). */
function each(list: string, wrap: (selector: string) => string): string {
  return selectors(list)
    .map((selector) => {
      // Minifiers write ::before as :before.
      const [, subject, pseudoElement = ''] = /^(.*?)(::[\w-]+|:before|:after)?$/.exec(selector)!;
      return wrap(subject!) + pseudoElement;
    })
    .join();
}

/**
 * The unlayered form: each style rule on `latch-` classes twice, as described
 * above. Innermost blocks only, so `@media` wraps stay; keyframe steps and
 * other rules without a `.latch-` selector are kept as they are.
 */
export function shieldCss(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/([^{}]*)\{([^{}]*)\}/g, (rule, list: string, body: string) =>
    list.includes('.latch-')
      ? `${each(list, (s) => `:is(${s}):not(#\\#,${custom})`)}{${body}}${each(list, (s) => `:where(${s})${custom}`)}{${body}}`
      : rule,
  );
}

const layerName = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;

/** The CSS as it goes into the page: shielded, or in the app's layer. */
export function pageCss(css: string, cssLayerName?: string): string {
  if (cssLayerName === undefined) return shieldCss(css);
  // The name goes into a <style>: an identifier (dotted for a sub-layer) and nothing else.
  if (!layerName.test(cssLayerName)) throw new TypeError(`appearance.cssLayerName must be a CSS layer name such as "latch" or "components.latch", not ${JSON.stringify(cssLayerName)}.`);
  return `@layer ${cssLayerName}{${css}}`;
}
