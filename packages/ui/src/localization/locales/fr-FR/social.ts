import type { LocalizationResource } from '../../types';

/** French strings of social sign-in (vous). */
export const social: LocalizationResource['social'] = {
  continueWith: 'Continuer avec {{provider}}',
  lastUsed: 'Dernière utilisation',
  providersLabel: 'Se connecter avec un fournisseur',
  callback: {
    title: 'Connexion en cours',
    subtitle: 'Finalisation avec votre fournisseur…',
    errorTitle: 'La connexion n’a pas abouti',
    retry: 'Réessayer',
    back: 'Retour à la connexion',
    backToSignUp: 'Retour à l’inscription',
  },
  transfer: {
    signUpTitle: 'Créez votre compte',
    signUpText: 'Aucun compte n’utilise encore ce compte {{provider}}. Complétez les informations ci-dessous pour en créer un.',
    verifyTitle: 'Confirmez qu’il s’agit de votre compte',
    verifyText: 'Un compte avec {{emailAddress}} existe déjà. Connectez-vous-y une fois pour associer {{provider}}.',
  },
  connected: {
    title: 'Comptes associés',
    connect: 'Associer un compte',
    chooseTitle: 'Associer un compte',
    chooseText: 'Choisissez le fournisseur à associer. Vous vous y connecterez, puis reviendrez ici.',
    connectWith: 'Associer {{provider}}',
    none: 'Aucun compte associé pour l’instant.',
    verified: 'Vérifié',
    needsReconnect: 'À reconnecter',
    reconnect: 'Reconnecter',
    remove: 'Supprimer',
    removeTitle: 'Supprimer {{provider}} ?',
    removeText: 'Vous ne pourrez plus vous connecter avec ce compte {{provider}}.',
    removed: '{{provider}} a été supprimé.',
    connected: '{{provider}} est maintenant associé.',
  },
};
