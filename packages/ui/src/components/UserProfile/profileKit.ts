import { useLatch } from '@latch/react';
import { Badge, breakableEmails, dropEmailLinkToken, Field, Form, formatDate, ResendCode, Sheet, useStepAction } from '../../foundation';
import { isSsoCallback } from '../../social/callback';
import { passkeyKit } from '../passkeys/kit';
import { ActionButton, Confirmation, ErrorAlert, Panel, PanelActions, Section, SectionStatus, SectionText, useFocusLater } from './parts';
import { useReverified } from './Reverification';
import { useEnvironment } from './useEnvironment';

/**
 * What the profile's on-demand parts (Connected accounts, Passkeys, verifying
 * an address by emailed link) use of the package, handed to them as a prop
 * rather than imported. Why: when an on-demand chunk imports a module the
 * first load also holds, the app's bundler moves that module into a shared
 * chunk of its own, and the first load then is several chunks (more bytes,
 * worse compression) even in apps that never open those parts. One kit for
 * all three, built on the passkey parts' (see passkeys/kit.ts), so the first
 * load holds the list once.
 */
export const profileKit = /* @__PURE__ */ Object.assign(
  {
    ActionButton,
    Badge,
    breakableEmails,
    Confirmation,
    dropEmailLinkToken,
    ErrorAlert,
    Field,
    Form,
    formatDate,
    isSsoCallback,
    Panel,
    PanelActions,
    ResendCode,
    Section,
    SectionStatus,
    SectionText,
    Sheet,
    useEnvironment,
    useFocusLater,
    useLatch,
    useReverified,
    useStepAction,
  },
  passkeyKit,
);

export type ProfileKit = typeof profileKit;
