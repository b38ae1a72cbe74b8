import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { LocalizationResource } from '../foundation';
import type { PartKit } from './kit';

// Loaded on demand only, like every part that uses it (see kit.ts): nothing
// here may import the package's other modules, nor @latch/react (types aside).

/** What one kind of on-demand part brings along: its English (error messages included), and its stylesheet, if any. */
export interface PartAssets {
  english?: LocalizationResource;
  sheet?: { id: string; css: string };
}

/**
 * The root of one kind of on-demand part (social sign-in, passkeys, email
 * links, SignIn's later steps) and the hook its pieces get the kit with. The
 * root puts the part's English under the surrounding component's strings (a
 * translation given to the provider or the component wins, key by key) and
 * injects its stylesheet: the chunk brings both, so a page that never shows
 * the part never ships them.
 */
export function createPart<Base extends PartKit>({ english, sheet }: PartAssets = {}) {
  const KitContext = createContext<Base | null>(null);

  function useKit<Kit extends Base = Base>(): Kit {
    return useContext(KitContext) as Kit;
  }

  function Strings({ kit, children }: { kit: Base; children: ReactNode }) {
    const context = kit.useComponentContext();
    const value = useMemo(() => ({ ...context, resource: kit.mergeLocalization(english!, context.resource) }), [kit, context]);
    return <kit.ComponentContext.Provider value={value}>{children}</kit.ComponentContext.Provider>;
  }

  function Root({ kit, children }: { kit: Base; children: ReactNode }) {
    const content = (
      <>
        {sheet && <kit.Sheet id={sheet.id} css={sheet.css} />}
        {children}
      </>
    );
    return <KitContext.Provider value={kit}>{english ? <Strings kit={kit}>{content}</Strings> : content}</KitContext.Provider>;
  }

  return { Root, useKit };
}
