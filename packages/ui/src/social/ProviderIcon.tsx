import { useEffect, useState, type ComponentType } from 'react';
import type { SocialProvider } from './providers';
import { useSocialKit } from './strings';

type Icon = ComponentType;

/**
 * One module per provider, imported when a button for it first renders: an
 * app with Google alone never downloads GitLab's paths. Presets by id; any
 * other provider gets the generic key (or its `iconUrl`).
 */
const loaders: Record<string, () => Promise<{ default: Icon }>> = {
  google: () => import('./icons/google'),
  github: () => import('./icons/github'),
  microsoft: () => import('./icons/microsoft'),
  discord: () => import('./icons/discord'),
  gitlab: () => import('./icons/gitlab'),
  apple: () => import('./icons/apple'),
};
const generic = () => import('./icons/generic');

/** Loaded icons, so a re-mount (the next step, another component) draws at once. */
const loaded = new Map<string, Icon>();

/**
 * The provider's icon, decorative (the button carries the name): a preset's
 * inlined SVG, a custom provider's configured image, else a key. Until an
 * SVG's module arrives the box is there, empty and the same size, so nothing moves.
 */
export function ProviderIcon({ provider }: { provider: Pick<SocialProvider, 'icon' | 'iconUrl'> }) {
  const id = provider.icon ?? '';
  const box = useSocialKit().useElement('socialButtonsProviderIcon');
  const [Icon, setIcon] = useState<Icon | undefined>(() => loaded.get(id));
  const image = !provider.icon && provider.iconUrl;
  useEffect(() => {
    if (Icon || image) return;
    let live = true;
    void (Object.hasOwn(loaders, id) ? loaders[id]! : generic)().then(({ default: module }) => {
      loaded.set(id, module);
      if (live) setIcon(() => module);
    });
    return () => {
      live = false;
    };
  }, [id, Icon, image]);
  return <span {...box}>{image ? <img src={image} alt="" /> : Icon && <Icon />}</span>;
}
