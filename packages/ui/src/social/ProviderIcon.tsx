import { useEffect, useState, type ComponentType } from 'react';
import { useElement } from '../foundation';

type Icon = ComponentType;

/**
 * One module per provider, imported when a button for it first renders: an
 * app with Google alone never downloads GitLab's paths. Presets by id; any
 * other provider gets the generic key.
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
 * The provider's icon, decorative (the button carries the name). Until its
 * module arrives the box is there, empty and the same size, so nothing moves.
 */
export function ProviderIcon({ id }: { id: string }) {
  const [Icon, setIcon] = useState<Icon | undefined>(() => loaded.get(id));
  useEffect(() => {
    if (Icon) return;
    let live = true;
    void (Object.hasOwn(loaders, id) ? loaders[id]! : generic)().then(({ default: module }) => {
      loaded.set(id, module);
      if (live) setIcon(() => module);
    });
    return () => {
      live = false;
    };
  }, [id, Icon]);
  return <span {...useElement('socialButtonsProviderIcon')}>{Icon && <Icon />}</span>;
}
