import { useContext, useMemo, type ReactNode } from 'react';
import { useLatchUIOptions } from '@latch/react';
import { enUSCommon, mergeLocalization, type LocalizationInput, type LocalizationResource } from '../../localization';
import { ComponentContext, useComponentContext, type ComponentContextValue } from '../context';
import { LatchStyles } from '../LatchStyles';
import { baseCss } from '../styles';
import { customAttribute, pageCss } from '../stylesheet';
import { emptyAppearance, extendAppearance } from './merge';
import type { Appearance, ComponentName, ProviderAppearance } from './types';
import { withClass } from './useElement';
import { cssVariables } from './variables';

export interface ComponentRootProps {
  component: ComponentName;
  appearance?: Appearance;
  localization?: LocalizationInput;
  children: ReactNode;
  /**
   * Inside another ComponentRoot (UserProfile in UserButton's modal), start from
   * the parent's merged appearance and localization. Default true; false starts
   * afresh from the provider.
   */
  inherit?: boolean;
  /** The component's own stylesheet (src/styles/<component>.css), injected after the shared one. */
  stylesheet?: string;
  /** The component's own English strings (its section of `enUS`, e.g. `{ signIn }`), under any translation. */
  strings?: LocalizationInput;
}

/**
 * The root of every component: merges appearance (baseTheme → provider →
 * provider[component] → prop) and localization (English → provider → prop),
 * renders the `.latch-root` element with the theme's custom properties, `dir`
 * and `lang`, injects the stylesheet, and provides it all to `useElement` and
 * `useLocalization`.
 */
export function ComponentRoot({ component, appearance, localization, children, inherit = true, stylesheet, strings }: ComponentRootProps) {
  const options = useLatchUIOptions();
  const providerAppearance = options.appearance as ProviderAppearance | undefined;
  const providerLocalization = options.localization as LocalizationInput | undefined;
  const parent = useContext(ComponentContext);
  const base = inherit ? parent : null;

  const value = useMemo<ComponentContextValue>(() => {
    const merged = base
      ? extendAppearance(base.appearance, providerAppearance?.[component], appearance)
      : extendAppearance(emptyAppearance, providerAppearance, providerAppearance?.[component], appearance);
    // English (shared + this component's) → provider → prop; nested, the
    // parent's merged resource stands in for the shared English and the provider.
    const english = enUSCommon as LocalizationResource;
    const resource: LocalizationResource = base
      ? mergeLocalization(english, strings, base.resource, localization)
      : mergeLocalization(english, strings, providerLocalization, localization);
    return { component, appearance: merged, resource };
  }, [base, providerAppearance, providerLocalization, component, appearance, localization, strings]);

  return (
    <ComponentContext.Provider value={value}>
      <ComponentSheet id="latch-ui" css={baseCss} />
      {stylesheet && <ComponentSheet id={`latch-${component}`} css={stylesheet} />}
      <RootElement>{children}</RootElement>
    </ComponentContext.Provider>
  );
}

/**
 * One of Latch's sheets as the provider asks (injected or not, its nonce, its
 * layer), shielded like the rest: a component's own, or one an on-demand
 * chunk brings (`latch-social`, with the provider buttons).
 */
export function ComponentSheet({ id, css }: { id: string; css: string }) {
  const providerAppearance = useLatchUIOptions().appearance as ProviderAppearance | undefined;
  if (providerAppearance?.injectStyles === false) return null;
  const layer = providerAppearance?.cssLayerName;
  return <LatchStyles id={sheetId(id, layer)} css={cachedPageCss(css, layer)} nonce={providerAppearance?.styleNonce} layered={layer !== undefined} />;
}

/** One `<style>` per sheet and layer name: `latch-ui`, `latch-signIn`, … (`latch-ui@components` in a layer). */
function sheetId(id: string, layer: string | undefined): string {
  return layer === undefined ? id : `${id}@${layer}`;
}

const transformed = new Map<string, string>();
/** `pageCss` once per sheet and layer name: every render of every component asks for it. */
function cachedPageCss(css: string, layer: string | undefined): string {
  const key = `${layer ?? ''}\n${css}`;
  let out = transformed.get(key);
  if (out === undefined) transformed.set(key, (out = pageCss(css, layer)));
  return out;
}

/**
 * The `.latch-root` element of the surrounding component: its class, custom
 * properties, `dir` and `lang`. Content portalled out of the root (modals,
 * popovers) renders inside one so the theme and direction still apply.
 */
export function RootElement({ children }: { children: ReactNode }) {
  const { component, appearance, resource } = useComponentContext();
  const root = appearance.elements.root;
  const style = { ...cssVariables(appearance.variables), ...root?.style };
  return (
    <div
      className={withClass('latch-root', root?.className)}
      {...(root?.className ? { [customAttribute]: '' } : undefined)}
      dir={resource.dir}
      lang={resource.locale}
      style={Object.keys(style).length > 0 ? style : undefined}
      data-component={component ?? undefined}
    >
      {children}
    </div>
  );
}
