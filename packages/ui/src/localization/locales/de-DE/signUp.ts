import type { LocalizationResource } from '../../types';

/** German strings of <SignUp/> (Sie). */
export const signUp: LocalizationResource['signUp'] = {
  start: {
    title: 'Konto erstellen',
    subtitle: 'um mit {{applicationName}} fortzufahren',
    footerText: 'Sie haben bereits ein Konto?',
    footerAction: 'Anmelden',
    disabled: 'Registrierungen sind derzeit nicht möglich.',
  },
  legal: {
    // "zustimmen" takes the dative: "den Nutzungsbedingungen", "der Datenschutzerklärung".
    termsAndPrivacy: 'Ich stimme den {{termsLink}} und der {{privacyLink}} zu',
    termsOnly: 'Ich stimme den {{termsLink}} zu',
    privacyOnly: 'Ich stimme der {{privacyLink}} zu',
    terms: 'Nutzungsbedingungen',
    privacy: 'Datenschutzerklärung',
    newTab: '(wird in einem neuen Tab geöffnet)',
    required: 'Stimmen Sie den Bedingungen zu, um fortzufahren.',
  },
  verify: {
    title: 'E-Mail-Adresse bestätigen',
    subtitle: 'Geben Sie den Code ein, den wir an Ihre E-Mail-Adresse gesendet haben.',
    /** German puts the verb last; the name still contains the visible "Bearbeiten" (common.edit). */
    editEmail: 'E-Mail-Adresse bearbeiten',
    resend: 'Code erneut senden',
    resendIn: 'Code erneut senden in {{seconds}} s',
    resent: 'Wir haben einen neuen Code an {{emailAddress}} gesendet.',
    useLink: 'Stattdessen einen Link per E-Mail erhalten',
  },
};
