import { useState } from 'react';
import { useElement } from '../appearance/useElement';
import type { ElementKey } from '../elements';
import { useLocalization } from '../localization/useLocalization';

export interface AvatarProps {
  imageUrl?: string | null;
  /** The person's name (or email); gives the alt text and the initials. */
  name: string;
  size?: 'sm' | 'md' | 'lg';
  /** Appearance key of the box; UserButton uses 'userButtonAvatarBox'. */
  element?: ElementKey;
  /** Hide from assistive technology when a neighbouring text already names the person. */
  decorative?: boolean;
}

/** Up to two initials: "Ada Lovelace" → "AL", "ada@example.com" → "A". */
export function initials(name: string): string {
  const words = name.trim().split(/[\s@._-]+/).filter(Boolean);
  const letters = words.length > 1 && !name.includes('@') ? [words[0], words[words.length - 1]] : [words[0]];
  return letters.map((word) => Array.from(word ?? '')[0]?.toUpperCase() ?? '').join('');
}

/** The picture, or initials when there is none or it fails to load. */
export function Avatar({ imageUrl, name, size = 'md', element = 'avatarBox', decorative = false }: AvatarProps) {
  const { t } = useLocalization();
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const box = useElement(element);
  const image = useElement('avatarImage');
  const text = useElement('avatarInitials');
  const alt = decorative ? '' : t('avatarAlt', { name });
  const showImage = !!imageUrl && failedUrl !== imageUrl;
  return (
    <span {...box} data-size={size}>
      {showImage ? (
        <img {...image} src={imageUrl} alt={alt} onError={() => setFailedUrl(imageUrl)} />
      ) : (
        <span {...text} role={decorative ? undefined : 'img'} aria-label={decorative ? undefined : alt} aria-hidden={decorative || undefined}>
          {initials(name)}
        </span>
      )}
    </span>
  );
}
