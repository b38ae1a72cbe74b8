import type { LocalizationResource } from '../../types';

/** German strings of <SignIn/> (Sie). */
export const signIn: LocalizationResource['signIn'] = {
  start: {
    title: 'Anmelden',
    subtitle: 'um mit {{applicationName}} fortzufahren',
    emailOrUsername: 'E-Mail-Adresse oder Benutzername',
    signUpText: 'Noch kein Konto?',
    signUpAction: 'Registrieren',
  },
  password: {
    title: 'Passwort eingeben',
    subtitle: 'um mit {{applicationName}} fortzufahren',
    forgotPassword: 'Passwort vergessen?',
    useAnotherMethod: 'Andere Methode verwenden',
  },
  emailCode: {
    title: 'Prüfen Sie Ihre E-Mails',
    subtitle: 'Geben Sie den Code ein, den wir an Ihre E-Mail-Adresse gesendet haben',
    usePassword: 'Passwort verwenden',
  },
  forgotPassword: {
    title: 'Passwort zurücksetzen',
    subtitle: 'Geben Sie den Code ein, den wir an Ihre E-Mail-Adresse gesendet haben',
  },
  useEmailLink: 'Link per E-Mail erhalten',
  resend: {
    action: 'Code erneut senden',
    wait: 'Code erneut senden in {{seconds}} s',
    sent: 'Wir haben Ihnen einen neuen Code gesendet.',
  },
  resetPassword: {
    title: 'Neues Passwort festlegen',
    subtitle: 'Wählen Sie ein Passwort, das Sie nirgendwo sonst verwenden',
    signOutOfOtherSessions: 'Auf anderen Geräten abmelden',
  },
  secondFactor: {
    title: 'Bestätigung in zwei Schritten',
    totpSubtitle: 'Geben Sie den Code aus Ihrer Authenticator-App ein',
    backupCodeSubtitle: 'Geben Sie einen Ihrer gespeicherten Backup-Codes ein',
    useBackupCode: 'Backup-Code verwenden',
    useTotp: 'Authenticator-App verwenden',
  },
  chooseAccount: {
    title: 'Konto auswählen',
    subtitle: 'um mit {{applicationName}} fortzufahren',
    addAccount: 'Konto hinzufügen',
  },
};
