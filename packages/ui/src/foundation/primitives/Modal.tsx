import { useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useElement } from '../appearance/useElement';
import { useLocalization } from '../localization/useLocalization';
import { Portal } from '../overlay/Portal';
import { useOverlay } from '../overlay/useOverlay';

export interface ModalProps {
  open: boolean;
  onClose(): void;
  /** Id of the element that names the dialog (usually the content's heading). */
  labelledBy?: string;
  /** Name for the dialog when nothing inside can name it. */
  label?: string;
  children: ReactNode;
}

/**
 * A modal dialog: portalled to <body> inside a `.latch-root` (so the theme and
 * direction follow), scroll locked, focus moved in, kept inside (Tab and
 * Shift+Tab cycle) and returned to the opener on close, closed by Escape, a
 * click on the backdrop or the close button.
 */
export function Modal({ open, onClose, labelledBy, label, children }: ModalProps) {
  const { t } = useLocalization();
  const [content, setContent] = useState<HTMLDivElement | null>(null);
  useOverlay({ open, onClose, content, modal: true });
  // Only a press that starts on the backdrop closes: selecting text inside
  // and releasing over the backdrop also "clicks" it.
  const pressedBackdrop = useRef(false);
  const onBackdrop = (event: PointerEvent<HTMLDivElement>) => {
    pressedBackdrop.current = event.target === event.currentTarget;
  };
  const backdrop = useElement('modalBackdrop', { open });
  const dialog = useElement('modalContent', { open });
  const closeButton = useElement('modalCloseButton');
  if (!open) return null;
  return (
    <Portal>
      <div
        {...backdrop}
        onPointerDown={onBackdrop}
        onClick={(event) => {
          if (pressedBackdrop.current && event.target === event.currentTarget) onClose();
        }}
      >
        <div
          {...dialog}
          ref={setContent}
          role="dialog"
          aria-modal="true"
          aria-labelledby={labelledBy}
          aria-label={labelledBy ? undefined : label}
          // Focusable, so a click on its padding keeps focus inside, and it can hold focus when nothing inside can.
          tabIndex={-1}
        >
          <button {...closeButton} type="button" aria-label={t('close')} onClick={onClose}>
            <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" stroke="currentColor" strokeWidth="2">
              <path d="M3 3l10 10M13 3L3 13" />
            </svg>
          </button>
          {children}
        </div>
      </div>
    </Portal>
  );
}
