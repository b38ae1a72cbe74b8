import { useState } from 'react';
import { useElement } from '../appearance/useElement';
import type { ElementKey } from '../elements';
import { useLocalization } from '../localization/useLocalization';

export interface AvatarProps {
  imageUrl?: string | null;
  /** The person's name (or email); gives the alt text, and the initials when first and last name are not given. */
  name: string;
  /** The initials are the first letters of these when given ("Newton" "Comer-Smith" → "NC"). */
  firstName?: string | null;
  lastName?: string | null;
  size?: 'sm' | 'md' | 'lg';
  /** Appearance key of the box; UserButton uses 'userButtonAvatarBox'. */
  element?: ElementKey;
  /** Hide from assistive technology when a neighbouring text already names the person. */
  decorative?: boolean;
}

/**
 * Up to two initials, from the first and last name when known, else from the
 * first and last words of the name: "Ada Lovelace" → "AL", "Newton
 * Comer-Smith" → "NC" (a hyphenated surname is one name), "ada@example.com" → "A".
 */
export function initials(name: string, firstName?: string | null, lastName?: string | null): string {
  const first = (word: string | null | undefined) => Array.from(word?.trim() ?? '')[0]?.toLocaleUpperCase() ?? '';
  if (firstName?.trim() || lastName?.trim()) return first(firstName) + first(lastName);
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (name.includes('@') || words.length < 2) return first(words[0]);
  return first(words[0]) + first(words[words.length - 1]);
}

/** The picture, or initials when there is none or it fails to load. */
export function Avatar({ imageUrl, name, firstName, lastName, size = 'md', element = 'avatarBox', decorative = false }: AvatarProps) {
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
          {initials(name, firstName, lastName)}
        </span>
      )}
    </span>
  );
}
