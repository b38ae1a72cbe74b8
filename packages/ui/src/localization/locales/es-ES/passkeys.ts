import type { LocalizationResource } from '../../types';

/** Spanish (Spain) strings of the passkey parts (tú). */
export const passkeys: NonNullable<LocalizationResource['passkeys']> = {
  signIn: {
    button: 'Iniciar sesión con una llave de acceso',
    usePasskey: 'Usar tu llave de acceso',
  },
  offer: {
    title: 'Inicia sesión más rápido la próxima vez',
    subtitle: 'Crea una llave de acceso para iniciar sesión en {{applicationName}} con tu huella, tu cara o el bloqueo de pantalla en lugar de una contraseña.',
    create: 'Crear una llave de acceso',
    notNow: 'Ahora no',
    created: 'Tu llave de acceso está lista. La próxima vez, elige «Iniciar sesión con una llave de acceso».',
  },
  profile: {
    title: 'Llaves de acceso',
    text: 'Inicia sesión con tu huella, tu cara o el bloqueo de pantalla en lugar de una contraseña.',
    none: 'Todavía no tienes llaves de acceso.',
    add: 'Añadir una llave de acceso',
    nameTitle: 'Pon nombre a tu llave de acceso',
    nameText: 'Un nombre te ayuda a distinguir tus llaves de acceso, por ejemplo el dispositivo en el que está.',
    name: 'Nombre de la llave de acceso',
    renameTitle: 'Cambiar el nombre de {{name}}',
    rename: 'Cambiar nombre',
    remove: 'Eliminar',
    removeTitle: '¿Eliminar {{name}}?',
    removeText: 'Ya no podrás iniciar sesión con esta llave de acceso. Seguirá en tu dispositivo hasta que la borres allí.',
    created: 'Creada el {{date}}',
    lastUsed: 'Último uso el {{date}}',
    unnamed: 'Llave de acceso',
    neverUsed: 'Nunca usada',
    added: 'Se ha añadido tu llave de acceso.',
    renamed: 'Se ha cambiado el nombre de tu llave de acceso.',
    removed: 'Se ha eliminado {{name}}.',
  },
};
