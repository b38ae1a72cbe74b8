import type { LocalizationResource } from '../../types';

/** Modern Standard Arabic strings of <SignUp/>. */
export const signUp: LocalizationResource['signUp'] = {
  start: {
    title: 'إنشاء حسابك',
    subtitle: 'للمتابعة إلى {{applicationName}}',
    footerText: 'لديك حساب بالفعل؟',
    footerAction: 'تسجيل الدخول',
    disabled: 'التسجيل مغلق حاليًا.',
  },
  legal: {
    // The conjunction "و" is written joined to the next word, so it sits right before the second link.
    termsAndPrivacy: 'أوافق على {{termsLink}} و{{privacyLink}}',
    termsOnly: 'أوافق على {{termsLink}}',
    privacyOnly: 'أوافق على {{privacyLink}}',
    terms: 'شروط الخدمة',
    privacy: 'سياسة الخصوصية',
    newTab: '(يُفتح في علامة تبويب جديدة)',
    required: 'وافق على الشروط للمتابعة.',
  },
  verify: {
    title: 'تأكيد بريدك الإلكتروني',
    subtitle: 'أدخل الرمز الذي أرسلناه إلى بريدك الإلكتروني.',
    /** Starts with the visible "تعديل" (common.edit). */
    editEmail: 'تعديل البريد الإلكتروني',
    resend: 'إعادة إرسال الرمز',
    resendIn: 'إعادة إرسال الرمز بعد {{seconds}} ث',
    resent: 'أرسلنا رمزًا جديدًا إلى {{emailAddress}}.',
    useLink: 'أرسل لي رابطًا بدلًا من ذلك',
  },
};
