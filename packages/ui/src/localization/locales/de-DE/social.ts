import type { LocalizationResource } from '../../types';

/** German strings of social sign-in (Sie). */
export const social: LocalizationResource['social'] = {
  continueWith: 'Weiter mit {{provider}}',
  lastUsed: 'Zuletzt verwendet',
  providersLabel: 'Mit einem Anbieter anmelden',
  callback: {
    title: 'Sie werden angemeldet',
    subtitle: 'Abschluss bei Ihrem Anbieter …',
    errorTitle: 'Die Anmeldung wurde nicht abgeschlossen',
    retry: 'Erneut versuchen',
    back: 'Zurück zur Anmeldung',
    backToSignUp: 'Zurück zur Registrierung',
  },
  transfer: {
    signUpTitle: 'Konto erstellen',
    signUpText: 'Noch kein Konto nutzt dieses {{provider}}-Konto. Ergänzen Sie die Angaben unten, um eines zu erstellen.',
    verifyTitle: 'Bestätigen Sie, dass es Ihr Konto ist',
    verifyText: 'Es gibt bereits ein Konto mit {{emailAddress}}. Melden Sie sich einmal dort an, um {{provider}} zu verknüpfen.',
  },
  connected: {
    title: 'Verknüpfte Konten',
    connect: 'Konto verknüpfen',
    chooseTitle: 'Ein Konto verknüpfen',
    chooseText: 'Wählen Sie den Anbieter. Sie melden sich dort an und kommen hierher zurück.',
    connectWith: '{{provider}} verknüpfen',
    none: 'Noch keine Konten verknüpft.',
    verified: 'Bestätigt',
    needsReconnect: 'Neu verbinden nötig',
    reconnect: 'Neu verbinden',
    remove: 'Entfernen',
    removeTitle: '{{provider}} entfernen?',
    removeText: 'Sie können sich dann nicht mehr mit diesem {{provider}}-Konto anmelden.',
    removed: '{{provider}} wurde entfernt.',
    connected: '{{provider}} ist jetzt verknüpft.',
  },
};
