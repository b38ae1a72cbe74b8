import { ActionButton, Confirmation, ErrorAlert, Panel, PanelActions, Section, SectionStatus, useFocusLater } from './parts';
import { useReverified } from './Reverification';
import { useEnvironment } from './useEnvironment';
import { isSsoCallback } from '../../social/callback';
import { partKit } from '../kit';

/**
 * The profile's parts, handed to an on-demand section (Connected accounts)
 * as a prop rather than imported by it: what an on-demand chunk imports from
 * the component's own modules, esbuild (and so the size budget) counts as
 * loaded up front even by apps that never render the profile.
 */
export const profileKit = /* @__PURE__ */ Object.assign(
  { ActionButton, Confirmation, ErrorAlert, Panel, PanelActions, Section, SectionStatus, isSsoCallback, useFocusLater, useReverified, useEnvironment },
  // What every on-demand part takes (see ../kit.ts): Connected accounts and verifying by link are two.
  partKit,
);

export type ProfileKit = typeof profileKit;
