import type { LocalizationResource } from '../../types';

/** French strings of <UserButton/> (vous). */
export const userButton: LocalizationResource['userButton'] = {
  trigger: 'Ouvrir le menu utilisateur',
  popoverLabel: 'Menu utilisateur',
  manageAccount: 'Gérer le compte',
  profileModalLabel: 'Gérer le compte',
  signOut: 'Se déconnecter',
  otherAccounts: 'Autres comptes',
  switchAccount: 'Passer à {{name}}',
  addAccount: 'Ajouter un compte',
  signOutAll: 'Se déconnecter de tous les comptes',
};
