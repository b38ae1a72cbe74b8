import type { LocalizationResource } from '../../types';

/** Spanish strings of <SignIn/> (tú, as consumer apps in Spain do). */
export const signIn: LocalizationResource['signIn'] = {
  start: {
    title: 'Iniciar sesión',
    subtitle: 'para continuar en {{applicationName}}',
    emailOrUsername: 'Correo electrónico o nombre de usuario',
    signUpText: '¿No tienes una cuenta?',
    signUpAction: 'Regístrate',
  },
  password: {
    title: 'Introduce tu contraseña',
    subtitle: 'para continuar en {{applicationName}}',
    forgotPassword: '¿Has olvidado tu contraseña?',
    useAnotherMethod: 'Usar otro método',
  },
  emailCode: {
    title: 'Revisa tu correo',
    subtitle: 'Introduce el código que hemos enviado a tu correo electrónico',
    usePassword: 'Usar tu contraseña',
  },
  forgotPassword: {
    title: 'Restablece tu contraseña',
    subtitle: 'Introduce el código que hemos enviado a tu correo electrónico',
  },
  useEmailLink: 'Enviarme un enlace por correo',
  resend: {
    action: 'Reenviar código',
    wait: 'Reenviar código en {{seconds}} s',
    sent: 'Te hemos enviado un código nuevo.',
  },
  resetPassword: {
    title: 'Establece una contraseña nueva',
    subtitle: 'Elige una contraseña que no uses en ningún otro sitio',
    signOutOfOtherSessions: 'Cerrar sesión en los demás dispositivos',
  },
  secondFactor: {
    title: 'Verificación en dos pasos',
    totpSubtitle: 'Introduce el código de tu aplicación de autenticación',
    backupCodeSubtitle: 'Introduce uno de los códigos de respaldo que guardaste',
    useBackupCode: 'Usar un código de respaldo',
    useTotp: 'Usar tu aplicación de autenticación',
  },
  chooseAccount: {
    title: 'Elige una cuenta',
    subtitle: 'para continuar en {{applicationName}}',
    addAccount: 'Añadir cuenta',
  },
};
