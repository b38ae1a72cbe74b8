import type { LocalizationResource } from '../../types';

/** German strings of <UserButton/> (Sie). */
export const userButton: LocalizationResource['userButton'] = {
  trigger: 'Benutzermenü öffnen',
  popoverLabel: 'Benutzermenü',
  manageAccount: 'Konto verwalten',
  profileModalLabel: 'Konto verwalten',
  signOut: 'Abmelden',
  otherAccounts: 'Weitere Konten',
  switchAccount: 'Zu {{name}} wechseln',
  addAccount: 'Konto hinzufügen',
  signOutAll: 'Von allen Konten abmelden',
};
