import type { LocalizationResource } from '../../types';

/** Modern Standard Arabic strings of <UserButton/>. */
export const userButton: LocalizationResource['userButton'] = {
  trigger: 'فتح قائمة المستخدم',
  popoverLabel: 'قائمة المستخدم',
  manageAccount: 'إدارة الحساب',
  profileModalLabel: 'إدارة الحساب',
  signOut: 'تسجيل الخروج',
  otherAccounts: 'حسابات أخرى',
  switchAccount: 'التبديل إلى {{name}}',
  addAccount: 'إضافة حساب',
  signOutAll: 'تسجيل الخروج من جميع الحسابات',
};
