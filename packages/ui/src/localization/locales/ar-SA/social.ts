import type { LocalizationResource } from '../../types';

/** Arabic (Saudi Arabia) strings of social sign-in. */
export const social: LocalizationResource['social'] = {
  continueWith: 'المتابعة باستخدام {{provider}}',
  lastUsed: 'آخر استخدام',
  providersLabel: 'تسجيل الدخول عبر مزوّد',
  callback: {
    title: 'جارٍ تسجيل دخولك',
    subtitle: 'جارٍ الإنهاء مع المزوّد…',
    errorTitle: 'لم يكتمل تسجيل الدخول',
    retry: 'إعادة المحاولة',
    back: 'العودة إلى تسجيل الدخول',
    backToSignUp: 'العودة إلى إنشاء الحساب',
  },
  transfer: {
    signUpTitle: 'أنشئ حسابك',
    signUpText: 'لا يوجد حساب يستخدم حساب {{provider}} هذا بعد. أكمل البيانات أدناه لإنشاء حساب.',
    verifyTitle: 'أكّد أن هذا حسابك',
    verifyText: 'يوجد حساب بالعنوان {{emailAddress}} بالفعل. سجّل الدخول إليه مرة واحدة لربط {{provider}}.',
  },
  connected: {
    title: 'الحسابات المرتبطة',
    connect: 'ربط حساب',
    chooseTitle: 'ربط حساب',
    chooseText: 'اختر المزوّد الذي تريد ربطه. ستسجّل الدخول لديه ثم تعود إلى هنا.',
    connectWith: 'ربط {{provider}}',
    none: 'لا توجد حسابات مرتبطة بعد.',
    verified: 'موثّق',
    needsReconnect: 'تلزم إعادة الربط',
    reconnect: 'إعادة الربط',
    remove: 'إزالة',
    removeTitle: 'هل تريد إزالة {{provider}}؟',
    removeText: 'لن تتمكن بعد الآن من تسجيل الدخول باستخدام حساب {{provider}} هذا.',
    removed: 'تمت إزالة {{provider}}.',
    connected: 'تم ربط {{provider}}.',
  },
};
