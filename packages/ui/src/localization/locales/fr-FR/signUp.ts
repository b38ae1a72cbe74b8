import type { LocalizationResource } from '../../types';

/** French strings of <SignUp/> (vous). */
export const signUp: LocalizationResource['signUp'] = {
  start: {
    title: 'Créer votre compte',
    subtitle: 'pour continuer vers {{applicationName}}',
    footerText: 'Vous avez déjà un compte ?',
    footerAction: 'Se connecter',
    disabled: 'Les inscriptions sont fermées pour le moment.',
  },
  legal: {
    // "les Conditions" (plural) and "la Politique": the articles stay outside the links.
    termsAndPrivacy: "J'accepte les {{termsLink}} et la {{privacyLink}}",
    termsOnly: "J'accepte les {{termsLink}}",
    privacyOnly: "J'accepte la {{privacyLink}}",
    terms: "Conditions d'utilisation",
    privacy: 'Politique de confidentialité',
    newTab: "(s'ouvre dans un nouvel onglet)",
    required: 'Acceptez les conditions pour continuer.',
  },
  verify: {
    title: 'Vérifiez votre adresse e-mail',
    subtitle: 'Saisissez le code envoyé à votre adresse e-mail.',
    /** Starts with the visible "Modifier" (common.edit). */
    editEmail: "Modifier l'adresse e-mail",
    resend: 'Renvoyer le code',
    resendIn: 'Renvoyer le code dans {{seconds}} s',
    resent: 'Nous avons envoyé un nouveau code à {{emailAddress}}.',
    useLink: 'Recevoir plutôt un lien par e-mail',
  },
};
