// The foundation every component builds on: import from '../foundation'.

// Appearance
export { elementKeys, type ElementKey } from './elements';
export type {
  Appearance,
  ComponentName,
  ElementStyle,
  Elements,
  Layout,
  ProviderAppearance,
  ResolvedAppearance,
  ResolvedElement,
  Theme,
  Variables,
} from './appearance/types';
export { mergeAppearance, extendAppearance } from './appearance/merge';
export { light, dark } from './appearance/themes';
export { cssVariableName, cssVariables } from './appearance/variables';
export { ComponentRoot, ComponentSheet, RootElement, type ComponentRootProps } from './appearance/ComponentRoot';
export { useElement, useLayout, type ElementProps, type ElementState } from './appearance/useElement';
export { LatchStyles } from './LatchStyles';
export { baseCss } from './styles';
export { customAttribute, pageCss, shieldCss } from './stylesheet';

// Localization
export { enUS, mergeLocalization, translate } from '../localization';
export type { LocalizationInput, LocalizationKey, LocalizationResource, CommonStrings } from '../localization';
export { useLocalization, createLocalization, type Localization } from './localization/useLocalization';
export { formatDate, formatRelative } from './localization/format';

// Routing and redirects
export { useFlowRouter, type FlowRouter, type FlowRouterOptions, type Routing, type RoutingProps } from './routing/useFlowRouter';
export { safeAfterUrl, navigateTo, useNavigate } from './routing/redirects';

// Behaviour
export { useAsyncAction, type AsyncAction } from './useAsyncAction';
export { useCommitEffect, useFocusOnChange } from './focus';

// Flows (what SignIn and SignUp share): the step's submit and errors, the identity
// preview, the resend countdown, and where to go once signed in.
export { useStepAction, type StepAction, type StepOutcome, type Problems } from './flow/useStepAction';
export { IdentityPreview, type IdentityPreviewProps } from './flow/IdentityPreview';
export { ResendCode, resendDelayMs, useCountdown, type ResendCodeProps } from './flow/ResendCode';
export { afterAuthTarget, useLeaveAfterAuth } from './flow/afterAuth';
export { codeLength, codeProblem } from './flow/checks';

// Primitives
export * from './primitives';

/** The props every component takes for its look and language. */
export interface ComponentBaseProps {
  appearance?: import('./appearance/types').Appearance;
  localization?: import('../localization').LocalizationInput;
}
