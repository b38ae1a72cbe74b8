import type { LocalizationResource } from '../../types';

/** Japanese strings of social sign-in (polite form). */
export const social: LocalizationResource['social'] = {
  continueWith: '{{provider}}で続ける',
  lastUsed: '前回使用',
  providersLabel: 'プロバイダーでサインイン',
  callback: {
    title: 'サインインしています',
    subtitle: 'プロバイダーでの手続きを完了しています…',
    errorTitle: 'サインインを完了できませんでした',
    retry: 'もう一度試す',
    back: 'サインインに戻る',
    backToSignUp: '登録に戻る',
  },
  transfer: {
    signUpTitle: 'アカウントを作成',
    signUpText: 'この{{provider}}アカウントを使うアカウントはまだありません。以下の項目を入力して作成してください。',
    verifyTitle: 'ご本人のアカウントか確認してください',
    verifyText: '{{emailAddress}}のアカウントはすでにあります。{{provider}}と連携するには、一度そのアカウントにサインインしてください。',
  },
  connected: {
    title: '連携アカウント',
    connect: 'アカウントを連携',
    chooseTitle: 'アカウントを連携する',
    chooseText: '連携するプロバイダーを選んでください。そこでサインインしてから、ここに戻ります。',
    connectWith: '{{provider}}と連携',
    none: '連携しているアカウントはまだありません。',
    verified: '確認済み',
    needsReconnect: '再接続が必要',
    reconnect: '再接続',
    remove: '削除',
    removeTitle: '{{provider}}を削除しますか？',
    removeText: 'この{{provider}}アカウントではサインインできなくなります。',
    removed: '{{provider}}を削除しました。',
    connected: '{{provider}}を連携しました。',
  },
};
