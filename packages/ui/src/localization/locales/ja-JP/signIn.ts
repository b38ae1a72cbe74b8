import type { LocalizationResource } from '../../types';

/** Japanese strings of <SignIn/>: polite です/ます in sentences, plain noun phrases on buttons and headings. */
export const signIn: LocalizationResource['signIn'] = {
  start: {
    title: 'サインイン',
    subtitle: '{{applicationName}} に移動',
    emailOrUsername: 'メールアドレスまたはユーザー名',
    signUpText: 'アカウントをお持ちでないですか？',
    signUpAction: '新規登録',
  },
  password: {
    title: 'パスワードを入力',
    subtitle: '{{applicationName}} に移動',
    forgotPassword: 'パスワードをお忘れですか？',
    useAnotherMethod: '別の方法を使用',
  },
  emailCode: {
    title: 'メールを確認してください',
    subtitle: 'メールアドレスに送信したコードを入力してください',
    usePassword: 'パスワードを使用',
  },
  forgotPassword: {
    title: 'パスワードの再設定',
    subtitle: 'メールアドレスに送信したコードを入力してください',
  },
  useEmailLink: 'メールでリンクを受け取る',
  resend: {
    action: 'コードを再送信',
    wait: '{{seconds}} 秒後にコードを再送信',
    sent: '新しいコードを送信しました。',
  },
  resetPassword: {
    title: '新しいパスワードを設定',
    subtitle: '他のサービスで使用していないパスワードを選んでください',
    signOutOfOtherSessions: '他のデバイスからサインアウト',
  },
  secondFactor: {
    title: '2 段階認証',
    totpSubtitle: '認証アプリに表示されたコードを入力してください',
    backupCodeSubtitle: '保存したバックアップコードのいずれかを入力してください',
    useBackupCode: 'バックアップコードを使用',
    useTotp: '認証アプリを使用',
  },
  chooseAccount: {
    title: 'アカウントを選択',
    subtitle: '{{applicationName}} に移動',
    addAccount: 'アカウントを追加',
  },
};
