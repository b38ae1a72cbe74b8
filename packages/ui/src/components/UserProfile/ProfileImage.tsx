import { useId, useState, type ChangeEvent } from 'react';
import { Limits } from '@latch/protocol';
import { isLatchAPIError, type User } from '@latch/react';
import {
  Alert,
  Avatar,
  PrimaryButton,
  SecondaryButton,
  useAsyncAction,
  useElement,
  useLocalization,
  type Localization,
} from '../../foundation';
import { displayName } from './AccountPage';
import { ActionButton, PanelActions, useReturnFocus } from './parts';

/** What the server accepts (it checks the bytes too); checking here first saves an upload. */
const imageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
// Pure, so that bundles without UserProfile drop it (and the Limits table it reads).
const maxKilobytes = /* @__PURE__ */ (() => Limits.maxImageBytes / 1024)();

/**
 * The profile picture: choose a file (a labelled file input), see it in the
 * avatar as a preview, then save or cancel; or remove the current picture,
 * which brings back the initials.
 */
export function ProfileImage({ user, onStatus }: { user: User; onStatus(message: string | null): void }) {
  const localization = useLocalization();
  const { t } = localization;
  // The chosen file as a data URL: unlike an object URL it needs no revoking,
  // and it is the form the server stores, so saving sends exactly what the
  // preview shows without reading the file a second time.
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useAsyncAction();
  const remove = useAsyncAction();
  const inputRef = useReturnFocus<HTMLInputElement>(preview !== null);
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-error`;

  const box = useElement('profileImage');
  const input = useElement('profileImageInput', { error: !!problem });
  const uploadButton = useElement('profileImageUploadButton');
  const hint = useElement('formFieldHint');
  const errorText = useElement('formFieldError');

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // Choosing the same file again must fire another change.
    if (!file) return;
    onStatus(null);
    save.reset();
    remove.reset();
    const invalid = checkFile(file, t);
    setProblem(invalid);
    if (invalid) return;
    try {
      setPreview(await readAsDataUrl(file));
    } catch {
      setProblem(t('userProfile.image.unreadable'));
    }
  };

  const saveImage = async () => {
    if (!preview) return;
    const updated = await save.run(() => user.setProfileImage({ file: preview }));
    if (!updated) return;
    setPreview(null);
    onStatus(t('userProfile.image.saved'));
  };

  const removeImage = async () => {
    onStatus(null);
    setProblem(null);
    const updated = await remove.run(() => user.setProfileImage({ file: null }));
    if (!updated) return;
    inputRef.current?.focus(); // The Remove button is gone; the upload control is the nearest thing.
    onStatus(t('userProfile.image.removed'));
  };

  const describedBy = [hintId, problem ? problemId : null].filter(Boolean).join(' ');
  const error = save.error ?? remove.error;
  return (
    <div {...box}>
      <Avatar imageUrl={preview ?? user.imageUrl} name={displayName(user)} firstName={user.firstName} lastName={user.lastName} size="lg" />
      {preview ? (
        <>
          <p {...hint} id={hintId}>
            {t('userProfile.image.preview')}
          </p>
          <PanelActions>
            {/* The file input this replaced had focus; the next step is saving. */}
            <PrimaryButton type="button" autoFocus loading={save.loading} onClick={saveImage} aria-describedby={hintId}>
              {t('userProfile.image.save')}
            </PrimaryButton>
            <SecondaryButton disabled={save.loading} onClick={() => setPreview(null)}>
              {t('cancel')}
            </SecondaryButton>
          </PanelActions>
        </>
      ) : (
        <>
          <PanelActions>
            <input
              {...input}
              ref={inputRef}
              id={`${id}-file`}
              type="file"
              accept={imageTypes.join(',')}
              onChange={choose}
              aria-describedby={describedBy}
              aria-invalid={!!problem || undefined}
            />
            {/* The input is visually hidden but focusable; this label is what sighted users click. */}
            <label {...uploadButton} htmlFor={`${id}-file`}>
              {t('userProfile.image.upload')}
            </label>
            {user.imageUrl && (
              <ActionButton danger loading={remove.loading} onClick={removeImage}>
                {t('userProfile.image.remove')}
              </ActionButton>
            )}
          </PanelActions>
          <p {...hint} id={hintId}>
            {t('userProfile.image.hint', { size: maxKilobytes })}
          </p>
        </>
      )}
      {problem && (
        <p {...errorText} id={problemId} role="alert">
          {problem}
        </p>
      )}
      {!!error && <Alert>{imageErrorMessage(error, localization)}</Alert>}
    </div>
  );
}

function checkFile(file: File, t: Localization['t']): string | null {
  if (!imageTypes.includes(file.type)) return t('userProfile.image.invalidType');
  if (file.size > Limits.maxImageBytes) return t('userProfile.image.tooLarge', { size: maxKilobytes });
  return null;
}

/** The server's generic "value not valid / too long" said about the picture in particular. */
function imageErrorMessage(error: unknown, { t, errorMessage }: Localization): string {
  if (isLatchAPIError(error) && error.errors[0]?.meta?.paramName === 'imageUrl') {
    if (error.code === 'form_param_format_invalid') return t('userProfile.image.invalidType');
    if (error.code === 'form_param_too_long') return t('userProfile.image.tooLarge', { size: maxKilobytes });
  }
  if (isLatchAPIError(error) && error.code === 'body_too_large') return t('userProfile.image.tooLarge', { size: maxKilobytes });
  return errorMessage(error);
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable')));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}
