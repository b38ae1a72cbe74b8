import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { UserProfile } from '@latch/ui';
import { ada } from './fixtures';
import { adasPasskey, authenticatorOf, noPasskeys, withPasskeys } from './passkeySteps';
import { canvasOf, click, toSecurityPage } from './userProfileSteps';

/**
 * <UserProfile/>'s Passkeys section (Security page), with passkeys on: the
 * list with each passkey's authenticator and dates, adding one (then naming
 * it), renaming, removing, and the step-up confirmation before a change.
 */
const meta = {
  title: 'Components/UserProfile/Passkeys',
  component: UserProfile,
  parameters: { latch: { signedInAs: ada.emailAddress, ...withPasskeys() } },
} satisfies Meta<typeof UserProfile>;

export default meta;
type Story = StoryObj<typeof meta>;

const withoutPasskeys = { latch: { signedInAs: ada.emailAddress, ...withPasskeys(noPasskeys) } };

async function toPasskeys(context: Parameters<NonNullable<Story['play']>>[0]) {
  await toSecurityPage(context);
  return within(await canvasOf(context).findByRole('region', { name: 'Passkeys' }));
}

export const List: Story = {
  name: 'List',
  play: async (context) => {
    const section = await toPasskeys(context);
    const item = section.getByRole('listitem');
    await expect(item).toHaveTextContent(adasPasskey);
    await expect(item).toHaveTextContent('Google Password Manager');
    await expect(item).toHaveTextContent(/Created .*Never used/);
    await expect(section.getByRole('button', { name: 'Rename' })).toHaveAccessibleDescription(adasPasskey);
  },
};

export const Empty: Story = {
  name: 'Empty',
  parameters: withoutPasskeys,
  play: async (context) => {
    const section = await toPasskeys(context);
    await expect(section.getByText('You have no passkeys yet.')).toBeVisible();
    await expect(section.getByRole('button', { name: 'Add a passkey' })).toBeEnabled();
  },
};

export const NameNew: Story = {
  name: 'Add: name the new passkey',
  parameters: withoutPasskeys,
  play: async (context) => {
    const section = await toPasskeys(context);
    await userEvent.click(section.getByRole('button', { name: 'Add a passkey' }));
    // A WebAuthn ceremony and its requests.
    await section.findByRole('group', { name: 'Name your passkey' }, { timeout: 10_000 });
    // Prefilled with the authenticator's make, ready to type over.
    await expect(section.getByLabelText('Passkey name')).toHaveValue('Google Password Manager');
    await expect(authenticatorOf(context).size).toBe(1);
  },
};

export const Added: Story = {
  name: 'Add: added',
  parameters: withoutPasskeys,
  play: async (context) => {
    await NameNew.play!(context);
    const section = within(canvasOf(context).getByRole('region', { name: 'Passkeys' }));
    const field = section.getByLabelText('Passkey name');
    await userEvent.clear(field);
    await userEvent.type(field, 'Phone{Enter}');
    await expect(await section.findByRole('status')).toHaveTextContent('Your passkey has been added.');
    await expect(section.getByRole('listitem')).toHaveTextContent('Phone');
  },
};

export const AddConfirmItsYou: Story = {
  name: 'Add: confirm it’s you first',
  parameters: { latch: { ...withoutPasskeys.latch, signedInMinutesAgo: 11 } },
  play: async (context) => {
    const section = await toPasskeys(context);
    await userEvent.click(section.getByRole('button', { name: 'Add a passkey' }));
    await canvasOf(context).findByRole('heading', { level: 2, name: 'Confirm it’s you' });
  },
};

export const AddCancelled: Story = {
  name: 'Add: cancelled (nothing to say)',
  parameters: { latch: { signedInAs: ada.emailAddress, ...withPasskeys({ ...noPasskeys, behaviour: 'cancel' }) } },
  play: async (context) => {
    const section = await toPasskeys(context);
    const button = section.getByRole('button', { name: 'Add a passkey' });
    await userEvent.click(button);
    await waitFor(() => expect(button).toBeEnabled());
    await expect(section.queryByRole('alert')).toBeNull();
  },
};

export const Rename: Story = {
  name: 'Rename',
  play: async (context) => {
    const section = await toPasskeys(context);
    await userEvent.click(section.getByRole('button', { name: 'Rename' }));
    const field = await section.findByLabelText('Passkey name');
    await expect(field).toHaveValue(adasPasskey);
    await userEvent.clear(field);
    await userEvent.type(field, 'Home desktop');
    await click(context, 'Save');
    await expect(await section.findByRole('status')).toHaveTextContent('Your passkey has been renamed.');
    await expect(section.getByRole('listitem')).toHaveTextContent('Home desktop');
  },
};

export const Remove: Story = {
  name: 'Remove: confirm',
  play: async (context) => {
    const section = await toPasskeys(context);
    await userEvent.click(section.getByRole('button', { name: 'Remove' }));
    await section.findByRole('group', { name: `Remove ${adasPasskey}?` });
  },
};

export const Removed: Story = {
  name: 'Remove: removed',
  play: async (context) => {
    await Remove.play!(context);
    const section = within(canvasOf(context).getByRole('region', { name: 'Passkeys' }));
    await userEvent.click(within(section.getByRole('group')).getByRole('button', { name: 'Remove' }));
    await expect(await section.findByRole('status')).toHaveTextContent(`${adasPasskey} has been removed.`);
    await expect(section.getByText('You have no passkeys yet.')).toBeVisible();
  },
};

export const French: Story = { name: 'Locale: fr-FR', globals: { locale: 'frFR' }, play: (context) => toLocalizedPasskeys(context, 'Sécurité', 'Clés d’accès') };
export const German: Story = { name: 'Locale: de-DE', globals: { locale: 'deDE' }, play: (context) => toLocalizedPasskeys(context, 'Sicherheit', 'Passkeys') };
export const Spanish: Story = { name: 'Locale: es-ES', globals: { locale: 'esES' }, play: (context) => toLocalizedPasskeys(context, 'Seguridad', 'Llaves de acceso') };
export const Japanese: Story = { name: 'Locale: ja-JP', globals: { locale: 'jaJP' }, play: (context) => toLocalizedPasskeys(context, 'セキュリティ', 'パスキー') };
export const Arabic: Story = { name: 'Locale: ar-SA (right to left)', globals: { locale: 'arSA' }, play: (context) => toLocalizedPasskeys(context, 'الأمان', 'مفاتيح المرور') };

async function toLocalizedPasskeys(context: Parameters<NonNullable<Story['play']>>[0], security: string, title: string) {
  await click(context, security);
  await canvasOf(context).findByRole('region', { name: title });
}
