import type { LocalizationResource } from '../../types';

/** Japanese strings of <SignUp/>. */
export const signUp: LocalizationResource['signUp'] = {
  start: {
    title: 'アカウントを作成',
    subtitle: '{{applicationName}} に移動',
    footerText: 'すでにアカウントをお持ちですか？',
    footerAction: 'サインイン',
    disabled: '現在、新規登録は受け付けていません。',
  },
  legal: {
    termsAndPrivacy: '{{termsLink}}と{{privacyLink}}に同意します',
    termsOnly: '{{termsLink}}に同意します',
    privacyOnly: '{{privacyLink}}に同意します',
    terms: '利用規約',
    privacy: 'プライバシーポリシー',
    newTab: '（新しいタブで開きます）',
    required: '続行するには規約に同意してください。',
  },
  verify: {
    title: 'メールアドレスの確認',
    subtitle: 'メールアドレスに送信したコードを入力してください。',
    /** Contains the visible "編集" (common.edit). */
    editEmail: 'メールアドレスを編集',
    resend: 'コードを再送信',
    resendIn: '{{seconds}} 秒後にコードを再送信',
    resent: '{{emailAddress}} に新しいコードを送信しました。',
    useLink: '代わりにメールでリンクを受け取る',
  },
};
