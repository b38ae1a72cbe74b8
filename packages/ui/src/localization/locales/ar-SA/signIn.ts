import type { LocalizationResource } from '../../types';

/** Modern Standard Arabic strings of <SignIn/>; the root renders them right to left. */
export const signIn: LocalizationResource['signIn'] = {
  start: {
    title: 'تسجيل الدخول',
    subtitle: 'للمتابعة إلى {{applicationName}}',
    emailOrUsername: 'البريد الإلكتروني أو اسم المستخدم',
    signUpText: 'ليس لديك حساب؟',
    signUpAction: 'إنشاء حساب',
  },
  password: {
    title: 'أدخل كلمة المرور',
    subtitle: 'للمتابعة إلى {{applicationName}}',
    forgotPassword: 'نسيت كلمة المرور؟',
    useAnotherMethod: 'استخدام طريقة أخرى',
  },
  emailCode: {
    title: 'تحقّق من بريدك الإلكتروني',
    subtitle: 'أدخل الرمز الذي أرسلناه إلى بريدك الإلكتروني',
    usePassword: 'استخدام كلمة المرور',
  },
  forgotPassword: {
    title: 'إعادة تعيين كلمة المرور',
    subtitle: 'أدخل الرمز الذي أرسلناه إلى بريدك الإلكتروني',
  },
  useEmailLink: 'أرسل لي رابطًا بالبريد',
  resend: {
    action: 'إعادة إرسال الرمز',
    /** "ث" abbreviates ثانية, as "s" does seconds: no count agreement needed. */
    wait: 'إعادة إرسال الرمز بعد {{seconds}} ث',
    sent: 'أرسلنا إليك رمزًا جديدًا.',
  },
  resetPassword: {
    title: 'تعيين كلمة مرور جديدة',
    subtitle: 'اختر كلمة مرور لا تستخدمها في أي مكان آخر',
    signOutOfOtherSessions: 'تسجيل الخروج من الأجهزة الأخرى',
  },
  secondFactor: {
    title: 'التحقق بخطوتين',
    totpSubtitle: 'أدخل الرمز الظاهر في تطبيق المصادقة',
    backupCodeSubtitle: 'أدخل أحد الرموز الاحتياطية التي حفظتها',
    useBackupCode: 'استخدام رمز احتياطي',
    useTotp: 'استخدام تطبيق المصادقة',
  },
  chooseAccount: {
    title: 'اختر حسابًا',
    subtitle: 'للمتابعة إلى {{applicationName}}',
    addAccount: 'إضافة حساب',
  },
};
