import { Suspense, useState } from 'react';
import type { User } from '@latch/react';
import { PasskeysSection, passkeysEnabled } from '../passkeys/support';
import { ActiveDevices } from './ActiveDevices';
import { DeleteAccount } from './DeleteAccount';
import { PasswordSection } from './PasswordSection';
import { profileKit } from './profileKit';
import { TwoStepSection } from './TwoStepSection';
import { useEnvironment } from './useEnvironment';

/** The Security page: password, passkeys (when the instance has them), two-step verification, active devices, account deletion. */
export function SecurityPage({ user }: { user: User }) {
  // A password change may sign other devices out; the devices list then reloads.
  const [devicesVersion, setDevicesVersion] = useState(0);
  const environment = useEnvironment();
  return (
    <>
      <PasswordSection user={user} onOthersSignedOut={() => setDevicesVersion((v) => v + 1)} />
      {(passkeysEnabled(environment) || user.passkeys.length > 0) && (
        <Suspense fallback={null}>
          <PasskeysSection kit={profileKit} user={user} />
        </Suspense>
      )}
      <TwoStepSection user={user} />
      <ActiveDevices user={user} version={devicesVersion} />
      <DeleteAccount user={user} />
    </>
  );
}
