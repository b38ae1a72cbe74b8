import type { LocalizationResource } from '../foundation';
import { social, socialErrors } from '../localization/en-US/social';
import css from '../styles/social.css?raw';
import type { PartKit } from '../components/kit';
import { createPart } from '../components/part';

// Shared by the on-demand social parts only (see kit.ts): nothing here may import
// the package's other modules, nor @latch/react (types aside).

const english = { social, errors: socialErrors } as unknown as LocalizationResource;

const part = createPart<PartKit>({ english, sheet: { id: 'latch-social', css } });

/** The kit the part was given (its root wraps everything in `SocialPart`). */
export const useSocialKit = part.useKit;

/**
 * The root of every social part: the kit for its pieces, the social
 * stylesheet, and social sign-in's English (its error messages included)
 * under the surrounding component's strings. The on-demand chunks bring it,
 * so a page without providers never ships it; a translation given to the
 * provider or the component (`frFR.social`) wins.
 */
export const SocialPart = part.Root;
