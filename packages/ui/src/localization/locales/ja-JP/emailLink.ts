import type { LocalizationResource } from '../../types';

/** Japanese strings of sign-in, sign-up and email verification by link. */
export const emailLink: LocalizationResource['emailLink'] = {
  waiting: {
    title: 'メールを確認してください',
    signInText: '{{emailAddress}} に送信したメールのリンクを選択するとサインインできます。このページは自動的に進みます。',
    signUpText: '{{emailAddress}} に送信したメールのリンクを選択して確認してください。このページは自動的に進みます。',
    profileText: '{{emailAddress}} に送信したメールのリンクを選択してください。この欄は自動的に更新されます。',
    status: 'リンクが開かれるのを待っています…',
    resend: 'リンクを再送信',
    resendIn: '{{seconds}} 秒後にリンクを再送信',
    resent: '新しいリンクを送信しました。',
    useAnotherMethod: '別の方法を使う',
    useCode: '代わりにコードを使う',
    expired: 'リンクの有効期限が切れました。新しいリンクを送信してください。',
  },
  verify: {
    signInTitle: '{{applicationName}} にサインイン',
    signUpTitle: 'メールアドレスを確認',
    emailTitle: 'メールアドレスの確認',
    signInText: '{{emailAddress}} のサインインリンクを開きました。',
    signUpText: '{{emailAddress}} を確認して登録を完了するためのリンクを開きました。',
    emailText: 'アカウントの {{emailAddress}} を確認するためのリンクを開きました。',
    continueAs: '{{emailAddress}} として続行',
    verifyAction: '{{emailAddress}} を確認',
    requestedFrom: '{{device}} からリクエストされました。',
    checking: 'リンクを確認しています…',
  },
  elsewhere: {
    title: '元のタブに戻ってください',
    signInText: 'このリンクをリクエストしたデバイスでサインインしました。続けるにはそのタブに戻ってください。このタブは閉じてかまいません。',
    signUpText: 'メールアドレスを確認しました。続けるには登録したタブに戻ってください。このタブは閉じてかまいません。',
    emailText: 'メールアドレスを確認しました。元のタブに戻ってください。このタブは閉じてかまいません。',
    why: '安全のため、リンクでサインインできるのはリンクをリクエストしたブラウザだけです。メールを入手した第三者が別の場所でサインインすることはできません。',
  },
  failed: {
    title: 'このリンクは使用できません',
    signInAgain: 'もう一度サインイン',
    signUpAgain: 'もう一度登録',
    back: 'アカウントへ移動',
  },
  verified: {
    title: 'メールアドレスを確認しました',
    text: '{{emailAddress}} を確認しました。',
  },
};
