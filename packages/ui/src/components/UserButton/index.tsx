import { useId, useState } from 'react';
import { useAuth, useLatch, useSessionList, useUser, type User } from '@latch/react';
import { Avatar, ComponentRoot, Modal, useElement, useLocalization, type ComponentBaseProps } from '../../foundation';
import { Portal, useOverlay } from '../../foundation/overlay';
import { UserProfile } from '../UserProfile';
import { identityOf } from './identity';
import { useControllableState } from './useControllableState';
import { UserButtonPopover } from './UserButtonPopover';
import { usePopoverPosition } from './usePopoverPosition';
import { useUserButtonActions } from './useUserButtonActions';
import css from '../../styles/userButton.css?raw';
import { userButton } from '../../localization/en-US/userButton';

/** This component's English, under any translation (a page ships only the strings of the components it renders). */
const strings = { userButton };

/** "Manage account" opens `<UserProfile/>` in a modal, or goes to the app's own profile page. */
type ProfileModeProps =
  | { userProfileMode?: 'modal'; userProfileUrl?: string }
  | { userProfileMode: 'navigation'; userProfileUrl: string };

export type UserButtonProps = ComponentBaseProps &
  ProfileModeProps & {
    /** Shows the user's name beside the avatar. */
    showName?: boolean;
    /** Where to go once the browser is signed out (relative, or an allowed origin); by default the page stays. */
    afterSignOutUrl?: string;
    /** Where "Add account" leads (multi-session); default '/sign-in'. */
    signInUrl?: string;
    /** Controls the popover; pair with `onOpenChange`. */
    open?: boolean;
    /** Whether the popover starts open, when uncontrolled. */
    defaultOpen?: boolean;
    onOpenChange?: (open: boolean) => void;
  };

/**
 * The signed-in user's avatar, opening a popover with their name and email,
 * "Manage account" and "Sign out", and in multi-session mode the other
 * accounts. Renders nothing unless someone is signed in.
 */
export function UserButton({ appearance, localization, ...props }: UserButtonProps) {
  const { user } = useUser();
  if (!user) return null;
  return (
    <ComponentRoot component="userButton" appearance={appearance} localization={localization} stylesheet={css} strings={strings}>
      <UserButtonBody {...props} user={user} />
    </ComponentRoot>
  );
}

type BodyProps = Omit<UserButtonProps, 'appearance' | 'localization'> & { user: User };

function UserButtonBody(props: BodyProps) {
  const { user, showName = false, userProfileMode = 'modal', signInUrl = '/sign-in' } = props;
  const { t, dir } = useLocalization();
  const latch = useLatch();
  const { sessionId } = useAuth();
  const { sessions } = useSessionList();
  const [open, setOpen] = useControllableState({ value: props.open, defaultValue: props.defaultOpen ?? false, onChange: props.onOpenChange });
  const [profileOpen, setProfileOpen] = useState(false);
  const identityId = useId();
  const popoverId = useId();

  // Callback refs as state: the effects below start once the portalled card exists.
  const [triggerNode, setTriggerNode] = useState<HTMLButtonElement | null>(null);
  const [cardNode, setCardNode] = useState<HTMLDivElement | null>(null);
  // Under the trigger, aligned with its end edge: headers keep the user menu at the end.
  usePopoverPosition(triggerNode, cardNode, dir === 'rtl' ? 'bottom-start' : 'bottom-end');
  // Not modal: the page stays usable, a press outside or tabbing out of the popover closes it.
  useOverlay({ open, onClose: () => setOpen(false), content: cardNode, trigger: triggerNode, modal: false });

  const actions = useUserButtonActions({
    userProfileMode,
    userProfileUrl: props.userProfileUrl,
    afterSignOutUrl: props.afterSignOutUrl,
    signInUrl,
    close: () => setOpen(false),
    openProfile: () => setProfileOpen(true),
  });

  const identity = identityOf(user);
  const otherSessions = sessions.filter((session) => session.id !== sessionId && session.status === 'active');
  const box = useElement('userButtonBox', { open });
  const trigger = useElement('userButtonTrigger', { open });
  const outer = useElement('userButtonOuterIdentifier');
  const card = useElement('userButtonPopoverCard', { open });

  return (
    <div {...box}>
      <button
        {...trigger}
        ref={setTriggerNode}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => setOpen(!open)}
      >
        {/* Named by its content, not aria-label: the visible initials and name are
            hidden from the name, so it is exactly "Open user menu" and no visible
            text contradicts it (WCAG 2.5.3). */}
        <span className="latch-visually-hidden">{t('userButton.trigger')}</span>
        <Avatar imageUrl={identity.imageUrl} name={identity.name} firstName={identity.firstName} lastName={identity.lastName} element="userButtonAvatarBox" decorative />
        {showName && (
          <span {...outer} aria-hidden="true">
            {identity.name}
          </span>
        )}
      </button>
      {open && (
        // Portalled out of any clipping or stacking context of the page, inside a root of its own that keeps the theme and direction.
        <Portal>
          <div
            {...card}
            ref={setCardNode}
            id={popoverId}
            role="dialog"
            aria-label={t('userButton.popoverLabel')}
            aria-describedby={identityId}
            // Holds focus when a click lands on the card's padding, so it does not count as leaving.
            tabIndex={-1}
          >
            <UserButtonPopover
              identity={identity}
              identityId={identityId}
              otherSessions={otherSessions}
              canAddAccount={latch.environment?.multiSession === true}
              actions={actions}
            />
          </div>
        </Portal>
      )}
      {userProfileMode === 'modal' && (
        <Modal open={profileOpen} onClose={() => setProfileOpen(false)} label={t('userButton.profileModalLabel')}>
          {/* A ComponentRoot nested in this one: UserProfile inherits this button's appearance and localization. */}
          <UserProfile />
        </Modal>
      )}
    </div>
  );
}
