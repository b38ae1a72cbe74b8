import type { LocalizationResource } from '../../types';

/** French strings of <SignIn/> (vous). */
export const signIn: LocalizationResource['signIn'] = {
  start: {
    title: 'Se connecter',
    subtitle: 'pour continuer vers {{applicationName}}',
    emailOrUsername: "Adresse e-mail ou nom d'utilisateur",
    signUpText: "Vous n'avez pas de compte ?",
    signUpAction: "S'inscrire",
  },
  password: {
    title: 'Saisissez votre mot de passe',
    subtitle: 'pour continuer vers {{applicationName}}',
    forgotPassword: 'Mot de passe oublié ?',
    useAnotherMethod: 'Utiliser une autre méthode',
  },
  emailCode: {
    title: 'Consultez votre boîte de réception',
    subtitle: 'Saisissez le code envoyé à votre adresse e-mail',
    usePassword: 'Utiliser votre mot de passe',
  },
  forgotPassword: {
    title: 'Réinitialiser votre mot de passe',
    subtitle: 'Saisissez le code envoyé à votre adresse e-mail',
  },
  useEmailLink: 'Recevoir un lien par e-mail',
  resend: {
    action: 'Renvoyer le code',
    wait: 'Renvoyer le code dans {{seconds}} s',
    sent: 'Nous vous avons envoyé un nouveau code.',
  },
  resetPassword: {
    title: 'Définir un nouveau mot de passe',
    subtitle: "Choisissez un mot de passe que vous n'utilisez nulle part ailleurs",
    signOutOfOtherSessions: 'Se déconnecter des autres appareils',
  },
  secondFactor: {
    title: 'Validation en deux étapes',
    totpSubtitle: "Saisissez le code affiché par votre application d'authentification",
    backupCodeSubtitle: "Saisissez l'un des codes de secours que vous avez enregistrés",
    useBackupCode: 'Utiliser un code de secours',
    useTotp: "Utiliser votre application d'authentification",
  },
  chooseAccount: {
    title: 'Choisir un compte',
    subtitle: 'pour continuer vers {{applicationName}}',
    addAccount: 'Ajouter un compte',
  },
};
