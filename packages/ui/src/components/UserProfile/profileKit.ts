import { Field, Form, formatDate, useStepAction } from '../../foundation';
import { partKit } from '../kit';
import { ActionButton, Confirmation, ErrorAlert, Panel, PanelActions, Section, SectionStatus, SectionText, useFocusLater } from './parts';
import { useReverified } from './Reverification';
import { useEnvironment } from './useEnvironment';
import { isSsoCallback } from '../../social/callback';

/**
 * What the profile's on-demand parts (Connected accounts, Passkeys, verifying
 * an address by emailed link) use of the package, handed to them as a prop
 * rather than imported: the kit every on-demand part takes (see ../kit.ts),
 * plus the profile's sections, forms and hooks. Why: when an on-demand chunk
 * imports a module the first load also holds, the app's bundler moves that
 * module into a shared chunk of its own, and the first load then is several
 * chunks (more bytes, worse compression) even in apps that never open those parts.
 */
export const profileKit = /* @__PURE__ */ Object.assign(
  {
    ActionButton,
    Confirmation,
    ErrorAlert,
    Field,
    Form,
    formatDate,
    isSsoCallback,
    Panel,
    PanelActions,
    Section,
    SectionStatus,
    SectionText,
    useEnvironment,
    useFocusLater,
    useReverified,
    useStepAction,
  },
  partKit,
);

export type ProfileKit = typeof profileKit;
