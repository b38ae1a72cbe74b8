import { useState } from 'react';
import { useLocalization } from '../../foundation';

/**
 * Copies text and says how it went, for a status line next to the button:
 * "Copied", or (no clipboard access: an insecure page, a denied permission)
 * a message asking the user to copy by hand.
 */
export function useCopy(): { copy(text: string): Promise<void>; message: string | null } {
  const { t } = useLocalization();
  const [message, setMessage] = useState<string | null>(null);
  const copy = async (text: string) => {
    setMessage(null);
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      setMessage(t('copied'));
    } catch {
      setMessage(t('userProfile.copyFailed'));
    }
  };
  return { copy, message };
}

/** Saves `text` as a file through a temporary object URL and a download link. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; give them a moment before letting go of it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
