import type { LocalizationResource } from '../../types';

/** French strings of sign-in, sign-up and email verification by link (vous). */
export const emailLink: LocalizationResource['emailLink'] = {
  waiting: {
    title: 'Consultez votre boîte de réception',
    signInText: 'Sélectionnez le lien de l’e-mail envoyé à {{emailAddress}} pour vous connecter. Cette page continue d’elle-même.',
    signUpText: 'Sélectionnez le lien de l’e-mail envoyé à {{emailAddress}} pour la vérifier. Cette page continue d’elle-même.',
    profileText: 'Sélectionnez le lien de l’e-mail envoyé à {{emailAddress}}. Ce panneau se met à jour de lui-même.',
    status: 'En attente de l’ouverture du lien…',
    resend: 'Renvoyer le lien',
    resendIn: 'Renvoyer le lien dans {{seconds}} s',
    resent: 'Nous vous avons envoyé un nouveau lien.',
    useAnotherMethod: 'Utiliser une autre méthode',
    useCode: 'Utiliser plutôt un code',
    expired: 'Le lien a expiré. Demandez-en un nouveau.',
  },
  verify: {
    signInTitle: 'Se connecter à {{applicationName}}',
    signUpTitle: 'Vérifiez votre adresse e-mail',
    emailTitle: 'Vérifier votre adresse e-mail',
    signInText: 'Vous avez ouvert un lien de connexion pour {{emailAddress}}.',
    signUpText: 'Vous avez ouvert un lien pour vérifier {{emailAddress}} et terminer votre inscription.',
    emailText: 'Vous avez ouvert un lien pour vérifier {{emailAddress}} pour votre compte.',
    continueAs: 'Continuer en tant que {{emailAddress}}',
    verifyAction: 'Vérifier {{emailAddress}}',
    requestedFrom: 'Demandé depuis {{device}}.',
    checking: 'Vérification du lien…',
  },
  elsewhere: {
    title: 'Retournez à votre onglet d’origine',
    signInText: 'Vous êtes maintenant connecté sur l’appareil où vous avez demandé ce lien. Retournez dans cet onglet pour continuer ; vous pouvez fermer celui-ci.',
    signUpText: 'Votre adresse e-mail est vérifiée. Retournez dans l’onglet où vous vous êtes inscrit pour continuer ; vous pouvez fermer celui-ci.',
    emailText: 'Votre adresse e-mail est vérifiée. Retournez dans l’onglet d’où vous venez ; vous pouvez fermer celui-ci.',
    why: 'Pour votre sécurité, un lien ne connecte que le navigateur qui l’a demandé : une personne qui aurait accès à l’e-mail ne peut pas s’en servir pour se connecter ailleurs.',
  },
  failed: {
    title: 'Ce lien ne peut pas être utilisé',
    signInAgain: 'Se reconnecter',
    signUpAgain: 'Recommencer l’inscription',
    back: 'Aller à votre compte',
  },
  verified: {
    title: 'Adresse e-mail vérifiée',
    text: '{{emailAddress}} est vérifiée.',
  },
};
