import { useId, useRef, useState } from 'react';
import type { Passkey, User } from '@latch/react';
import type { ProfileKit } from '../UserProfile/profileKit';
import { PasskeyPart, passkeyName, usePasskeyError, useKit } from './strings';

/** At most one panel is open: naming a passkey (just added, or renamed), or removing one. */
type Mode = { kind: 'idle' } | { kind: 'name'; id: string; added: boolean } | { kind: 'remove'; id: string };

const idle: Mode = { kind: 'idle' };

/**
 * The Security page's Passkeys: each with its name, the authenticator that
 * holds it (when its AAGUID is a known one), when it was created and last
 * used; add one (then name it), rename, remove. Adding and removing are
 * sensitive: the server may ask "Confirm it's you" first.
 */
export default function PasskeysSection({ kit, user }: { kit: ProfileKit; user: User }) {
  return (
    <PasskeyPart kit={kit}>
      <Passkeys user={user} />
    </PasskeyPart>
  );
}

function Passkeys({ user }: { user: User }) {
  const { ActionButton, Alert, PanelActions, Section, SectionStatus, SectionText, useAsyncAction, useElement, useFocusLater, useLocalization, useReverified } =
    useKit<ProfileKit>();
  const { t } = useLocalization();
  const describe = usePasskeyError();
  const reverified = useReverified();
  const add = useAsyncAction();
  const [mode, setMode] = useState<Mode>(idle);
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const list = useElement('profileSectionList');

  const open = (next: Mode) => {
    setStatus(null);
    add.reset();
    setMode(next);
  };
  const close = (message: string | null, focus: () => HTMLElement | null | undefined) => {
    setMode(idle);
    setStatus(message);
    focusLater(focus);
  };
  const addPasskey = async () => {
    setStatus(null);
    const created = await add.run(() => reverified(() => user.createPasskey()));
    if (created) setMode({ kind: 'name', id: created.id, added: true });
  };

  const naming = mode.kind === 'name' ? user.passkeys.find((passkey) => passkey.id === mode.id) : undefined;
  const addError = describe(add.error);
  return (
    <Section title={t('passkeys.profile.title')} headingRef={heading}>
      <SectionText>{t('passkeys.profile.text')}</SectionText>
      {user.passkeys.length === 0 ? (
        <SectionText>{t('passkeys.profile.none')}</SectionText>
      ) : (
        <ul {...list}>
          {user.passkeys.map((passkey) => (
            <PasskeyItem
              key={passkey.id}
              passkey={passkey}
              mode={mode}
              onOpen={open}
              onCancel={(button) => close(null, () => button)}
              onRemove={async () => {
                await reverified(() => passkey.delete());
                close(t('passkeys.profile.removed', { name: passkeyName(passkey, t) }), () => heading.current);
              }}
            />
          ))}
        </ul>
      )}
      {naming && mode.kind === 'name' && (
        <NamePasskey
          passkey={naming}
          added={mode.added}
          onDone={(message) => close(message, () => (mode.added ? addButton.current : heading.current))}
        />
      )}
      {mode.kind === 'idle' && canCreate() && (
        <PanelActions>
          <ActionButton buttonRef={addButton} loading={add.loading} onClick={addPasskey}>
            {t('passkeys.profile.add')}
          </ActionButton>
        </PanelActions>
      )}
      {addError && <Alert>{addError}</Alert>}
      <SectionStatus message={status} />
    </Section>
  );
}

/** Listing and removing need no WebAuthn; adding does. */
function canCreate(): boolean {
  return typeof PublicKeyCredential === 'function';
}

interface ItemProps {
  passkey: Passkey;
  mode: Mode;
  onOpen(mode: Mode): void;
  onCancel(button: HTMLButtonElement | null): void;
  onRemove(): Promise<void>;
}

function PasskeyItem({ passkey, mode, onOpen, onCancel, onRemove }: ItemProps) {
  const { ActionButton, Confirmation, formatDate, useElement, useLocalization } = useKit<ProfileKit>();
  const { t, locale } = useLocalization();
  const nameId = useId();
  const renameButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const item = useElement('profileSectionItem');
  const text = useElement('profileSectionItemText');
  const meta = useElement('profileSectionItemMeta');
  const actions = useElement('profileSectionItemActions');
  const removing = mode.kind === 'remove' && mode.id === passkey.id;
  const name = passkeyName(passkey, t);
  const details = [
    // The make, when the name is the user's own (otherwise the name already is the make).
    passkey.name !== null && passkey.authenticatorName,
    t('passkeys.profile.created', { date: formatDate(locale, +passkey.createdAt) }),
    passkey.lastUsedAt ? t('passkeys.profile.lastUsed', { date: formatDate(locale, +passkey.lastUsedAt) }) : t('passkeys.profile.neverUsed'),
  ].filter(Boolean);

  return (
    <li {...item}>
      <div {...text}>
        <span id={nameId}>{name}</span>
        <p {...meta}>{details.join(' · ')}</p>
      </div>
      {mode.kind === 'idle' && (
        <div {...actions}>
          <ActionButton buttonRef={renameButton} aria-describedby={nameId} onClick={() => onOpen({ kind: 'name', id: passkey.id, added: false })}>
            {t('passkeys.profile.rename')}
          </ActionButton>
          <ActionButton danger buttonRef={removeButton} aria-describedby={nameId} onClick={() => onOpen({ kind: 'remove', id: passkey.id })}>
            {t('passkeys.profile.remove')}
          </ActionButton>
        </div>
      )}
      {removing && (
        <Confirmation
          title={t('passkeys.profile.removeTitle', { name })}
          text={t('passkeys.profile.removeText')}
          confirmLabel={t('passkeys.profile.remove')}
          danger
          action={onRemove}
          onCancel={() => onCancel(removeButton.current)}
        />
      )}
    </li>
  );
}

interface NameProps {
  passkey: Passkey;
  /** Just added: the panel asks for a name; otherwise it renames. */
  added: boolean;
  onDone(message: string | null): void;
}

/** The name field, prefilled with the current name (for a new passkey, the one its authenticator suggests). */
function NamePasskey({ passkey, added, onDone }: NameProps) {
  const { Alert, Field, Form, Panel, PanelActions, PrimaryButton, SecondaryButton, useLocalization, useStepAction } = useKit<ProfileKit>();
  const { t } = useLocalization();
  const [name, setName] = useState(passkey.name ?? passkey.authenticatorName ?? '');
  const save = useStepAction(['name']);
  const title = added ? t('passkeys.profile.nameTitle') : t('passkeys.profile.renameTitle', { name: passkeyName(passkey, t) });
  const kept = added ? t('passkeys.profile.added') : null;

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed === passkey.name) return onDone(kept);
    const outcome = await save.run(() => passkey.update({ name: trimmed }), { name: trimmed ? null : t('errors.form_param_missing') });
    if (outcome === 'done') onDone(added ? kept : t('passkeys.profile.renamed'));
  };

  return (
    <Panel title={title} text={added ? t('passkeys.profile.nameText') : undefined} onCancel={() => onDone(kept)} focusTitle={false}>
      <Form onSubmit={submit} aria-label={title}>
        <Field
          name="name"
          label={t('passkeys.profile.name')}
          autoComplete="off"
          autoFocus
          required
          maxLength={64}
          value={name}
          onChange={setName}
          error={save.fieldError('name')}
        />
        {save.alert && <Alert>{save.alert}</Alert>}
        <PanelActions>
          <PrimaryButton loading={save.loading}>{t('save')}</PrimaryButton>
          <SecondaryButton disabled={save.loading} onClick={() => onDone(kept)}>
            {t('cancel')}
          </SecondaryButton>
        </PanelActions>
      </Form>
    </Panel>
  );
}
