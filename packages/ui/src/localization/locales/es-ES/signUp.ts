import type { LocalizationResource } from '../../types';

/** Spanish strings of <SignUp/> (tú). */
export const signUp: LocalizationResource['signUp'] = {
  start: {
    title: 'Crea tu cuenta',
    subtitle: 'para continuar en {{applicationName}}',
    footerText: '¿Ya tienes una cuenta?',
    footerAction: 'Inicia sesión',
    disabled: 'El registro está cerrado por ahora.',
  },
  legal: {
    // "los Términos" (plural) and "la Política": the articles stay outside the links.
    termsAndPrivacy: 'Acepto los {{termsLink}} y la {{privacyLink}}',
    termsOnly: 'Acepto los {{termsLink}}',
    privacyOnly: 'Acepto la {{privacyLink}}',
    terms: 'Términos del servicio',
    privacy: 'Política de privacidad',
    newTab: '(se abre en una pestaña nueva)',
    required: 'Acepta los términos para continuar.',
  },
  verify: {
    title: 'Verifica tu correo electrónico',
    subtitle: 'Introduce el código que hemos enviado a tu correo electrónico.',
    /** Starts with the visible "Editar" (common.edit). */
    editEmail: 'Editar correo electrónico',
    resend: 'Reenviar código',
    resendIn: 'Reenviar código en {{seconds}} s',
    resent: 'Hemos enviado un código nuevo a {{emailAddress}}.',
    useLink: 'Enviarme un enlace en su lugar',
  },
};
