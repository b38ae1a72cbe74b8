import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { LocalizationResource } from '../foundation';
import { social, socialErrors } from '../localization/en-US/social';
import css from '../styles/social.css?raw';
import type { PartKit } from '../components/kit';

// Shared by the on-demand social parts only (see kit.ts): nothing here may import
// the package's other modules, nor @latch/react (types aside).

const english = { social, errors: socialErrors } as unknown as LocalizationResource;

const KitContext = createContext<PartKit | null>(null);

/** The kit the part was given (its root wraps everything in `SocialPart`). */
export function useSocialKit<Kit extends PartKit = PartKit>(): Kit {
  return useContext(KitContext) as Kit;
}

/**
 * The root of every social part: the kit for its pieces, the social
 * stylesheet, and social sign-in's English (its error messages included)
 * under the surrounding component's strings. The on-demand chunks bring it,
 * so a page without providers never ships it; a translation given to the
 * provider or the component (`frFR.social`) wins.
 */
export function SocialPart({ kit, children }: { kit: PartKit; children: ReactNode }) {
  const context = kit.useComponentContext();
  const value = useMemo(() => ({ ...context, resource: kit.mergeLocalization(english, context.resource) }), [kit, context]);
  return (
    <KitContext.Provider value={kit}>
      <kit.ComponentContext.Provider value={value}>
        <kit.Sheet id="latch-social" css={css} />
        {children}
      </kit.ComponentContext.Provider>
    </KitContext.Provider>
  );
}
