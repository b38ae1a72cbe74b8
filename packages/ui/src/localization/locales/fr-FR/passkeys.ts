import type { LocalizationResource } from '../../types';

/** French strings of the passkey parts (vous). */
export const passkeys: NonNullable<LocalizationResource['passkeys']> = {
  signIn: {
    button: 'Se connecter avec une clé d’accès',
    usePasskey: 'Utiliser votre clé d’accès',
  },
  offer: {
    title: 'Connectez-vous plus vite la prochaine fois',
    subtitle: 'Créez une clé d’accès pour vous connecter à {{applicationName}} avec votre empreinte, votre visage ou le verrouillage de l’écran au lieu d’un mot de passe.',
    create: 'Créer une clé d’accès',
    notNow: 'Pas maintenant',
    created: 'Votre clé d’accès est prête. La prochaine fois, choisissez « Se connecter avec une clé d’accès ».',
  },
  profile: {
    title: 'Clés d’accès',
    text: 'Connectez-vous avec votre empreinte, votre visage ou le verrouillage de l’écran au lieu d’un mot de passe.',
    none: 'Vous n’avez pas encore de clé d’accès.',
    add: 'Ajouter une clé d’accès',
    nameTitle: 'Nommez votre clé d’accès',
    nameText: 'Un nom vous aide à distinguer vos clés d’accès, par exemple l’appareil qui la contient.',
    name: 'Nom de la clé d’accès',
    renameTitle: 'Renommer {{name}}',
    rename: 'Renommer',
    remove: 'Supprimer',
    removeTitle: 'Supprimer {{name}} ?',
    removeText: 'Vous ne pourrez plus vous connecter avec cette clé d’accès. Elle reste sur votre appareil jusqu’à ce que vous l’y supprimiez.',
    created: 'Créée le {{date}}',
    lastUsed: 'Dernière utilisation le {{date}}',
    unnamed: 'Clé d’accès',
    neverUsed: 'Jamais utilisée',
    added: 'Votre clé d’accès a été ajoutée.',
    renamed: 'Votre clé d’accès a été renommée.',
    removed: '{{name}} a été supprimée.',
  },
};
