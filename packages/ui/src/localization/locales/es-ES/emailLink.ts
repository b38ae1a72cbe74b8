import type { LocalizationResource } from '../../types';

/** Spanish (Spain) strings of sign-in, sign-up and email verification by link (tú). */
export const emailLink: LocalizationResource['emailLink'] = {
  waiting: {
    title: 'Revisa tu correo',
    signInText: 'Selecciona el enlace del correo que enviamos a {{emailAddress}} para iniciar sesión. Esta página continuará sola.',
    signUpText: 'Selecciona el enlace del correo que enviamos a {{emailAddress}} para verificarlo. Esta página continuará sola.',
    profileText: 'Selecciona el enlace del correo que enviamos a {{emailAddress}}. Este panel se actualizará solo.',
    status: 'Esperando a que abras el enlace…',
    resend: 'Reenviar enlace',
    resendIn: 'Reenviar enlace en {{seconds}} s',
    resent: 'Te hemos enviado un enlace nuevo.',
    useAnotherMethod: 'Usar otro método',
    useCode: 'Usar un código en su lugar',
    expired: 'El enlace ha caducado. Solicita uno nuevo.',
  },
  verify: {
    signInTitle: 'Iniciar sesión en {{applicationName}}',
    signUpTitle: 'Verifica tu correo electrónico',
    emailTitle: 'Verificar tu dirección de correo',
    signInText: 'Has abierto un enlace de inicio de sesión para {{emailAddress}}.',
    signUpText: 'Has abierto un enlace para verificar {{emailAddress}} y terminar el registro.',
    emailText: 'Has abierto un enlace para verificar {{emailAddress}} en tu cuenta.',
    continueAs: 'Continuar como {{emailAddress}}',
    verifyAction: 'Verificar {{emailAddress}}',
    requestedFrom: 'Solicitado desde {{device}}.',
    checking: 'Comprobando el enlace…',
  },
  elsewhere: {
    title: 'Vuelve a tu pestaña original',
    signInText: 'Ya has iniciado sesión en el dispositivo donde pediste este enlace. Vuelve a esa pestaña para continuar; puedes cerrar esta.',
    signUpText: 'Tu correo electrónico está verificado. Vuelve a la pestaña donde te registraste para continuar; puedes cerrar esta.',
    emailText: 'Tu correo electrónico está verificado. Vuelve a la pestaña de la que venías; puedes cerrar esta.',
    why: 'Por tu seguridad, un enlace solo inicia sesión en el navegador que lo pidió: quien consiga el correo no puede usarlo para entrar en ningún otro sitio.',
  },
  failed: {
    title: 'Este enlace no se puede usar',
    signInAgain: 'Volver a iniciar sesión',
    signUpAgain: 'Volver a registrarte',
    back: 'Ir a tu cuenta',
  },
  verified: {
    title: 'Correo electrónico verificado',
    text: '{{emailAddress}} está verificado.',
  },
};
