import { createContext, useContext } from 'react';
import { enUSCommon, type LocalizationResource } from '../localization';
import { emptyAppearance } from './appearance/merge';
import type { ComponentName, ResolvedAppearance } from './appearance/types';

/** What `ComponentRoot` hands down: the merged appearance and localization of one component tree. */
export interface ComponentContextValue {
  component: ComponentName | null;
  appearance: ResolvedAppearance;
  resource: LocalizationResource;
}

/**
 * Outside a ComponentRoot (a primitive rendered alone in a test or a story)
 * the defaults apply: no overrides, the shared English strings.
 */
const defaults: ComponentContextValue = { component: null, appearance: emptyAppearance, resource: enUSCommon as LocalizationResource };

export const ComponentContext = createContext<ComponentContextValue | null>(null);

export function useComponentContext(): ComponentContextValue {
  return useContext(ComponentContext) ?? defaults;
}
