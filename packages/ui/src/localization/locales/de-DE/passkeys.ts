import type { LocalizationResource } from '../../types';

/** German strings of the passkey parts (Sie). */
export const passkeys: NonNullable<LocalizationResource['passkeys']> = {
  signIn: {
    button: 'Mit einem Passkey anmelden',
    usePasskey: 'Ihren Passkey verwenden',
  },
  offer: {
    title: 'Beim nächsten Mal schneller anmelden',
    subtitle: 'Erstellen Sie einen Passkey, um sich bei {{applicationName}} mit Fingerabdruck, Gesicht oder Bildschirmsperre statt mit einem Passwort anzumelden.',
    create: 'Passkey erstellen',
    notNow: 'Jetzt nicht',
    created: 'Ihr Passkey ist bereit. Wählen Sie beim nächsten Mal „Mit einem Passkey anmelden“.',
  },
  profile: {
    title: 'Passkeys',
    text: 'Melden Sie sich mit Fingerabdruck, Gesicht oder Bildschirmsperre statt mit einem Passwort an.',
    none: 'Sie haben noch keine Passkeys.',
    add: 'Passkey hinzufügen',
    nameTitle: 'Passkey benennen',
    nameText: 'Ein Name hilft Ihnen, Ihre Passkeys zu unterscheiden, zum Beispiel das Gerät, auf dem er gespeichert ist.',
    name: 'Name des Passkeys',
    renameTitle: '{{name}} umbenennen',
    rename: 'Umbenennen',
    remove: 'Entfernen',
    removeTitle: '{{name}} entfernen?',
    removeText: 'Sie können sich dann nicht mehr mit diesem Passkey anmelden. Er bleibt auf Ihrem Gerät, bis Sie ihn dort löschen.',
    created: 'Erstellt am {{date}}',
    lastUsed: 'Zuletzt verwendet am {{date}}',
    unnamed: 'Passkey',
    neverUsed: 'Noch nie verwendet',
    added: 'Ihr Passkey wurde hinzugefügt.',
    renamed: 'Ihr Passkey wurde umbenannt.',
    removed: '{{name}} wurde entfernt.',
  },
};
