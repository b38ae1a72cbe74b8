// Shipped translations, from '@latch/ui/locales'. Pass one as `localization`;
// any key a locale lacks falls back to English.
export { frFR } from './localization/locales/fr-FR';
export { deDE } from './localization/locales/de-DE';
export { esES } from './localization/locales/es-ES';
export { jaJP } from './localization/locales/ja-JP';
export { arSA } from './localization/locales/ar-SA';
