import type { LocalizationResource } from '../../types';

/** Spanish (Spain) strings of social sign-in (tú). */
export const social: LocalizationResource['social'] = {
  continueWith: 'Continuar con {{provider}}',
  lastUsed: 'Usado la última vez',
  providersLabel: 'Iniciar sesión con un proveedor',
  callback: {
    title: 'Iniciando sesión',
    subtitle: 'Terminando con tu proveedor…',
    errorTitle: 'No se completó el inicio de sesión',
    retry: 'Reintentar',
    back: 'Volver a iniciar sesión',
    backToSignUp: 'Volver al registro',
  },
  transfer: {
    signUpTitle: 'Crea tu cuenta',
    signUpText: 'Ninguna cuenta usa todavía esta cuenta de {{provider}}. Completa los datos de abajo para crear una.',
    verifyTitle: 'Confirma que la cuenta es tuya',
    verifyText: 'Ya existe una cuenta con {{emailAddress}}. Inicia sesión en ella una vez para vincular {{provider}}.',
  },
  connected: {
    title: 'Cuentas vinculadas',
    connect: 'Vincular cuenta',
    chooseTitle: 'Vincular una cuenta',
    chooseText: 'Elige el proveedor que quieres vincular. Iniciarás sesión allí y volverás aquí.',
    connectWith: 'Vincular {{provider}}',
    none: 'Aún no hay cuentas vinculadas.',
    verified: 'Verificada',
    needsReconnect: 'Hay que volver a conectarla',
    reconnect: 'Volver a conectar',
    remove: 'Quitar',
    removeTitle: '¿Quitar {{provider}}?',
    removeText: 'Ya no podrás iniciar sesión con esta cuenta de {{provider}}.',
    removed: 'Se ha quitado {{provider}}.',
    connected: '{{provider}} ya está vinculada.',
  },
};
