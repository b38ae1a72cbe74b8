import type { ElementKey } from '../elements';
import type { Appearance, ElementStyle, Elements, ResolvedAppearance, ResolvedElement } from './types';

export const emptyAppearance: ResolvedAppearance = Object.freeze({ variables: {}, elements: {}, layout: {} });

function addElement(into: ResolvedElement | undefined, value: ElementStyle): ResolvedElement {
  if (typeof value === 'string') {
    const className = into?.className ? `${into.className} ${value}` : value;
    return { ...into, className };
  }
  return { ...into, style: { ...into?.style, ...value } };
}

function addElements(
  into: ResolvedAppearance['elements'],
  elements: Elements | undefined,
): ResolvedAppearance['elements'] {
  if (!elements) return into;
  const out = { ...into };
  for (const [key, value] of Object.entries(elements) as [ElementKey, ElementStyle | undefined][]) {
    if (value !== undefined && value !== '') out[key] = addElement(out[key], value);
  }
  return out;
}

/**
 * Layers `layers` over `base`. Every layer's `baseTheme` goes first (a theme is
 * the bottom of the stack, whichever layer names it), then each layer's own
 * variables, elements and layout in order, so later layers win. Element
 * strings add up as classes; element objects merge as styles.
 */
export function extendAppearance(
  base: ResolvedAppearance,
  ...layers: (Appearance | undefined)[]
): ResolvedAppearance {
  let { variables, elements, layout } = base;
  const present = layers.filter((layer): layer is Appearance => layer !== undefined);
  for (const theme of present.map((layer) => layer.baseTheme)) {
    if (!theme) continue;
    variables = { ...variables, ...theme.variables };
    elements = addElements(elements, theme.elements);
  }
  for (const layer of present) {
    variables = { ...variables, ...layer.variables };
    elements = addElements(elements, layer.elements);
    layout = { ...layout, ...layer.layout };
  }
  return { variables, elements, layout };
}

/** Merges appearance layers in the documented order: baseTheme → provider → provider[component] → prop. */
export function mergeAppearance(...layers: (Appearance | undefined)[]): ResolvedAppearance {
  return extendAppearance(emptyAppearance, ...layers);
}
