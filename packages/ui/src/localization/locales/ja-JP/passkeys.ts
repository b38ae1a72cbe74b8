import type { LocalizationResource } from '../../types';

/** Japanese strings of the passkey parts. */
export const passkeys: NonNullable<LocalizationResource['passkeys']> = {
  signIn: {
    button: 'パスキーでサインイン',
    usePasskey: 'パスキーを使用',
  },
  offer: {
    title: '次回はもっと速くサインイン',
    subtitle: 'パスキーを作成すると、パスワードの代わりに指紋、顔認証、画面ロックで{{applicationName}}にサインインできます。',
    create: 'パスキーを作成',
    notNow: '後で',
    created: 'パスキーの準備ができました。次回は「パスキーでサインイン」を選んでください。',
  },
  profile: {
    title: 'パスキー',
    text: 'パスワードの代わりに指紋、顔認証、画面ロックでサインインできます。',
    none: 'パスキーはまだありません。',
    add: 'パスキーを追加',
    nameTitle: 'パスキーに名前を付ける',
    nameText: '保存している端末名などの名前を付けると、パスキーを区別しやすくなります。',
    name: 'パスキーの名前',
    renameTitle: '{{name}}の名前を変更',
    rename: '名前を変更',
    remove: '削除',
    removeTitle: '{{name}}を削除しますか？',
    removeText: 'このパスキーではサインインできなくなります。パスキー自体は、端末で削除するまで端末に残ります。',
    created: '作成日時：{{date}}',
    lastUsed: '最終使用日時：{{date}}',
    unnamed: 'パスキー',
    neverUsed: '未使用',
    added: 'パスキーを追加しました。',
    renamed: 'パスキーの名前を変更しました。',
    removed: '{{name}}を削除しました。',
  },
};
