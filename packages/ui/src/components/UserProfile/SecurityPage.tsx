import { useState } from 'react';
import type { User } from '@latch/react';
import { ActiveDevices } from './ActiveDevices';
import { DeleteAccount } from './DeleteAccount';
import { PasswordSection } from './PasswordSection';
import { TwoStepSection } from './TwoStepSection';

/** The Security page: password, two-step verification, active devices, account deletion. */
export function SecurityPage({ user }: { user: User }) {
  // A password change may sign other devices out; the devices list then reloads.
  const [devicesVersion, setDevicesVersion] = useState(0);
  return (
    <>
      <PasswordSection user={user} onOthersSignedOut={() => setDevicesVersion((v) => v + 1)} />
      <TwoStepSection user={user} />
      <ActiveDevices user={user} version={devicesVersion} />
      <DeleteAccount user={user} />
    </>
  );
}
