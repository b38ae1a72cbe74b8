import { useId } from 'react';
import { useElement } from '../appearance/useElement';
import { useLocalization } from '../localization/useLocalization';
import { breakableEmails } from '../primitives/breakable';

export interface IdentityPreviewProps {
  /** Who is signing in or up: an email address or a username. Nothing shows while it is empty. */
  identifier: string;
  /** Back to the step where it was typed. */
  onEdit(): void;
  /** The "Edit" button's accessible name, when it should say what it edits; it should start with the visible "Edit". */
  editLabel?: string;
}

/** "ada@example.com · Edit": the identifier a flow is working on, and the way back to change it. */
export function IdentityPreview({ identifier, onEdit, editLabel }: IdentityPreviewProps) {
  const { t } = useLocalization();
  const id = useId();
  const box = useElement('identityPreview');
  const text = useElement('identityPreviewText');
  const edit = useElement('identityPreviewEditButton');
  if (!identifier) return null;
  return (
    <div {...box}>
      {/* Isolated, so an address reads left to right inside a right-to-left page. */}
      <span {...text} id={id} dir="auto">
        {breakableEmails(identifier)}
      </span>
      {/* "Edit" is described by the identifier, so a screen reader hears what it edits. */}
      <button {...edit} type="button" aria-label={editLabel} aria-describedby={id} onClick={onEdit}>
        {t('edit')}
      </button>
    </div>
  );
}
