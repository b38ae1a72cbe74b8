import type { LocalizationResource } from '../../types';

/** German strings of sign-in, sign-up and email verification by link (Sie). */
export const emailLink: LocalizationResource['emailLink'] = {
  waiting: {
    title: 'Prüfen Sie Ihr Postfach',
    signInText: 'Wählen Sie den Link in der E-Mail an {{emailAddress}}, um sich anzumelden. Diese Seite geht dann von selbst weiter.',
    signUpText: 'Wählen Sie den Link in der E-Mail an {{emailAddress}}, um die Adresse zu bestätigen. Diese Seite geht dann von selbst weiter.',
    profileText: 'Wählen Sie den Link in der E-Mail an {{emailAddress}}. Dieser Bereich aktualisiert sich von selbst.',
    status: 'Warten, bis Sie den Link öffnen …',
    resend: 'Link erneut senden',
    resendIn: 'Link erneut senden in {{seconds}} s',
    resent: 'Wir haben Ihnen einen neuen Link gesendet.',
    useAnotherMethod: 'Andere Methode verwenden',
    useCode: 'Stattdessen einen Code verwenden',
    expired: 'Der Link ist abgelaufen. Fordern Sie einen neuen an.',
  },
  verify: {
    signInTitle: 'Bei {{applicationName}} anmelden',
    signUpTitle: 'Bestätigen Sie Ihre E-Mail-Adresse',
    emailTitle: 'E-Mail-Adresse bestätigen',
    signInText: 'Sie haben einen Anmeldelink für {{emailAddress}} geöffnet.',
    signUpText: 'Sie haben einen Link geöffnet, um {{emailAddress}} zu bestätigen und die Registrierung abzuschließen.',
    emailText: 'Sie haben einen Link geöffnet, um {{emailAddress}} für Ihr Konto zu bestätigen.',
    continueAs: 'Weiter als {{emailAddress}}',
    verifyAction: '{{emailAddress}} bestätigen',
    requestedFrom: 'Angefordert von {{device}}.',
    checking: 'Link wird geprüft …',
  },
  elsewhere: {
    title: 'Kehren Sie zum ursprünglichen Tab zurück',
    signInText: 'Sie sind jetzt auf dem Gerät angemeldet, auf dem Sie diesen Link angefordert haben. Kehren Sie zu diesem Tab zurück, um fortzufahren; diesen hier können Sie schließen.',
    signUpText: 'Ihre E-Mail-Adresse ist bestätigt. Kehren Sie zu dem Tab zurück, in dem Sie sich registriert haben; diesen hier können Sie schließen.',
    emailText: 'Ihre E-Mail-Adresse ist bestätigt. Kehren Sie zu dem Tab zurück, aus dem Sie kamen; diesen hier können Sie schließen.',
    why: 'Zu Ihrer Sicherheit meldet ein Link nur den Browser an, der ihn angefordert hat: Wer an die E-Mail gelangt, kann sich damit nirgendwo anders anmelden.',
  },
  failed: {
    title: 'Dieser Link kann nicht verwendet werden',
    signInAgain: 'Erneut anmelden',
    signUpAgain: 'Erneut registrieren',
    back: 'Zu Ihrem Konto',
  },
  verified: {
    title: 'E-Mail-Adresse bestätigt',
    text: '{{emailAddress}} ist bestätigt.',
  },
};
