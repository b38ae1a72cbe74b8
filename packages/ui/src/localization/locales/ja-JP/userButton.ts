import type { LocalizationResource } from '../../types';

/** Japanese strings of <UserButton/>. */
export const userButton: LocalizationResource['userButton'] = {
  trigger: 'ユーザーメニューを開く',
  popoverLabel: 'ユーザーメニュー',
  manageAccount: 'アカウントを管理',
  profileModalLabel: 'アカウントを管理',
  signOut: 'サインアウト',
  otherAccounts: 'その他のアカウント',
  switchAccount: '{{name}} に切り替え',
  addAccount: 'アカウントを追加',
  signOutAll: 'すべてのアカウントからサインアウト',
};
