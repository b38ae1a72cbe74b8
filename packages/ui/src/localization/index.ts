export { enUS, enUSCommon } from './en-US';
export type { LocalizationResource, LocalizationInput, LocalizationKey, CommonStrings } from './types';
export { mergeLocalization, translate } from './translate';
