import { useMemo, type ReactNode } from 'react';
import { mergeLocalization, type LocalizationResource } from '../foundation';
import { ComponentContext, useComponentContext } from '../foundation/context';
import { social, socialErrors } from '../localization/en-US/social';

/**
 * Adds social sign-in's English (its error messages included) under the surrounding component's strings.
 * The on-demand chunks bring it, so a page without providers never ships it;
 * a translation given to the provider or the component (`frFR.social`) wins.
 */
export function WithSocialStrings({ children }: { children: ReactNode }) {
  const context = useComponentContext();
  const value = useMemo(
    () => ({ ...context, resource: mergeLocalization({ social, errors: socialErrors } as unknown as LocalizationResource, context.resource) }),
    [context],
  );
  return <ComponentContext.Provider value={value}>{children}</ComponentContext.Provider>;
}
