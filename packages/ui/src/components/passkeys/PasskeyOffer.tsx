import { useEffect, useState } from 'react';
import type { User } from '@latch/react';
import type { PasskeyKit } from './kit';
import { PasskeyPart, usePasskeyError, useKit } from './strings';

export interface PasskeyOfferProps {
  kit: PasskeyKit;
  applicationName?: string;
  /** The person created a passkey, said "Not now", or there was nothing to offer: go on. */
  onDone(): void;
}

/**
 * Right after a sign-in or sign-up, for a user without passkeys on a device
 * that can make one: "Create a passkey" or "Not now". "Not now" is
 * remembered for this user on this device, so the offer never nags.
 */
export default function PasskeyOffer({ kit, ...props }: PasskeyOfferProps) {
  return (
    <PasskeyPart kit={kit}>
      <Offer {...props} />
    </PasskeyPart>
  );
}

function Offer({ applicationName, onDone }: Omit<PasskeyOfferProps, 'kit'>) {
  const { Alert, Card, Header, Main, PrimaryButton, SecondaryButton, Spinner, useAsyncAction, useElement, useLocalization, useUser } = useKit();
  const { t } = useLocalization();
  const { user } = useUser();
  const describe = usePasskeyError();
  const create = useAsyncAction();
  const [state, setState] = useState<'checking' | 'offer' | 'created'>('checking');
  const actions = useElement('alternativeMethods');

  useEffect(() => {
    let live = true;
    void worthOffering(user).then((offer) => {
      if (!live) return;
      if (offer) setState('offer');
      else onDone();
    });
    return () => {
      live = false;
    };
    // Once, for the user who just signed in: the offer must not come back when they make a passkey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (state === 'checking' || !user) {
    return (
      <Card applicationName={applicationName}>
        <div role="status">
          <Spinner />
        </div>
      </Card>
    );
  }

  const notNow = () => {
    remember(user.id);
    onDone();
  };
  const createPasskey = async () => {
    if (await create.run(async () => (await user.createPasskey(), true))) setState('created');
  };
  const message = describe(create.error);
  return (
    <Card applicationName={applicationName}>
      <Header
        title={t('passkeys.offer.title')}
        subtitle={t('passkeys.offer.subtitle', { applicationName: applicationName ?? '' })}
        focusKey={state}
        autoFocus
        applicationName={applicationName}
      />
      <Main>
        {state === 'created' ? (
          <>
            <Alert variant="success">{t('passkeys.offer.created')}</Alert>
            <PrimaryButton type="button" onClick={onDone}>
              {t('formButtonPrimary')}
            </PrimaryButton>
          </>
        ) : (
          <>
            {message && <Alert>{message}</Alert>}
            <PrimaryButton type="button" loading={create.loading} onClick={createPasskey}>
              {t('passkeys.offer.create')}
            </PrimaryButton>
            <div {...actions}>
              <SecondaryButton element="alternativeMethodsButton" disabled={create.loading} onClick={notNow}>
                {t('passkeys.offer.notNow')}
              </SecondaryButton>
            </div>
          </>
        )}
      </Main>
    </Card>
  );
}

const storageKey = (userId: string) => `latch-passkey-offer:${userId}`;

/** No passkey yet, not declined on this device, and the device can hold one (a platform authenticator with user verification). */
async function worthOffering(user: User | null | undefined): Promise<boolean> {
  if (!user || user.passkeys.length > 0 || declined(user.id)) return false;
  try {
    return await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable();
  } catch {
    return false;
  }
}

function declined(userId: string): boolean {
  try {
    return localStorage.getItem(storageKey(userId)) !== null;
  } catch {
    return false; // Storage off (a private window, a sandboxed frame): offer, and forget "Not now" with the page.
  }
}

function remember(userId: string): void {
  try {
    localStorage.setItem(storageKey(userId), 'declined');
  } catch {
    // As above: nothing to keep it in.
  }
}
