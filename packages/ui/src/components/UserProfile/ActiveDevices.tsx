import { useEffect, useId, useRef, useState } from 'react';
import type { ActiveSession, User } from '@latch/react';
import { Badge, formatRelative, Spinner, useAsyncAction, useElement, useLocalization, type Localization } from '../../foundation';
import { ActionButton, ErrorAlert, Section, SectionStatus, useFocusLater } from './parts';

export interface ActiveDevicesProps {
  user: User;
  /** Bump it to reload the list (after a password change signed the other devices out). */
  version: number;
}

/**
 * The devices signed in to this account, on any browser: browser, system,
 * kind of device and last activity; "This device" for the current one, and
 * "Sign out of this device" for each of the others.
 */
export function ActiveDevices({ user, version }: ActiveDevicesProps) {
  const { t } = useLocalization();
  const [sessions, setSessions] = useState<ActiveSession[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();
  const list = useElement('profileSectionList');

  // A new User object means the account changed (a password change may have
  // signed devices out), `version` that the page asks for a reload: refetch.
  // An answer that arrives after a newer request started, or after unmount, is dropped.
  useEffect(() => {
    let current = true;
    user.getSessions().then(
      (found) => {
        if (!current) return;
        setSessions(sortDevices(found));
        setLoadError(null);
      },
      (error: unknown) => {
        if (current) setLoadError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [user, version, attempt]);

  const retry = () => {
    setLoadError(null);
    setAttempt((n) => n + 1);
  };
  const signedOut = (id: string) => {
    setSessions((current) => current?.filter((session) => session.id !== id) ?? null);
    setStatus(t('userProfile.devices.signedOut'));
    focusLater(() => heading.current); // The row is gone; its section's title is where the user is.
  };

  return (
    <Section title={t('userProfile.devices.title')} headingRef={heading}>
      {sessions === null && !loadError && <Spinner />}
      {sessions === null && !!loadError && (
        <>
          <ErrorAlert error={loadError} />
          <ActionButton onClick={retry}>{t('userProfile.devices.retry')}</ActionButton>
        </>
      )}
      {sessions && (
        <ul {...list}>
          {sessions.map((session) => (
            <Device key={session.id} user={user} session={session} onSignedOut={signedOut} onStart={() => setStatus(null)} />
          ))}
        </ul>
      )}
      <SectionStatus message={status} />
    </Section>
  );
}

interface DeviceProps {
  user: User;
  session: ActiveSession;
  onStart(): void;
  onSignedOut(id: string): void;
}

function Device({ user, session, onStart, onSignedOut }: DeviceProps) {
  const localization = useLocalization();
  const { t, locale } = localization;
  const nameId = useId();
  const revoke = useAsyncAction();
  const item = useElement('profileSectionItem', { active: session.isCurrent });
  const text = useElement('profileSectionItemText');
  const meta = useElement('profileSectionItemMeta');
  const actions = useElement('profileSectionItemActions');
  const kind = session.device.deviceType;

  const signOut = async () => {
    onStart();
    if (await revoke.run(async () => (await user.revokeSession(session.id), true))) onSignedOut(session.id);
  };

  return (
    <li {...item}>
      {/* Name and "Last active" together; the device's actions after both, never between them. */}
      <div {...text}>
        <span id={nameId}>{deviceName(session, t)}</span> {session.isCurrent && <Badge>{t('userProfile.devices.thisDevice')}</Badge>}
        <p {...meta}>
          {kind && <>{t(`userProfile.devices.${kind}`)} · </>}
          {t('userProfile.devices.lastActive', { time: formatRelative(locale, session.lastActiveAt) })}
        </p>
      </div>
      {!session.isCurrent && (
        <div {...actions}>
          <ActionButton danger loading={revoke.loading} onClick={signOut} aria-describedby={nameId}>
            {t('userProfile.devices.signOut')}
          </ActionButton>
        </div>
      )}
      <ErrorAlert error={revoke.error} />
    </li>
  );
}

/** "Chrome 126 on macOS"; the parts the user agent did not give are named as unknown. */
function deviceName({ device }: ActiveSession, t: Localization['t']): string {
  const major = device.browserVersion?.split('.')[0];
  const browser = device.browserName ? [device.browserName, major].filter(Boolean).join(' ') : t('userProfile.devices.unknownBrowser');
  return t('userProfile.devices.name', { browser, os: device.osName ?? t('userProfile.devices.unknownOs') });
}

/** This device first, then the most recently active. */
function sortDevices(sessions: ActiveSession[]): ActiveSession[] {
  return [...sessions].sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || b.lastActiveAt - a.lastActiveAt);
}
