import type { LocalizationResource } from '../../types';

/** Spanish strings of <UserButton/> (tú). */
export const userButton: LocalizationResource['userButton'] = {
  trigger: 'Abrir menú de usuario',
  popoverLabel: 'Menú de usuario',
  manageAccount: 'Gestionar cuenta',
  profileModalLabel: 'Gestionar cuenta',
  signOut: 'Cerrar sesión',
  otherAccounts: 'Otras cuentas',
  switchAccount: 'Cambiar a {{name}}',
  addAccount: 'Añadir cuenta',
  signOutAll: 'Cerrar sesión en todas las cuentas',
};
