import type { LocalizationResource } from '../../types';

/** Arabic (Saudi Arabia) strings of sign-in, sign-up and email verification by link. */
export const emailLink: LocalizationResource['emailLink'] = {
  waiting: {
    title: 'تحقّق من بريدك الإلكتروني',
    signInText: 'اختر الرابط في الرسالة التي أرسلناها إلى {{emailAddress}} لتسجيل الدخول. ستتابع هذه الصفحة تلقائيًا.',
    signUpText: 'اختر الرابط في الرسالة التي أرسلناها إلى {{emailAddress}} للتحقق منه. ستتابع هذه الصفحة تلقائيًا.',
    profileText: 'اختر الرابط في الرسالة التي أرسلناها إلى {{emailAddress}}. سيُحدَّث هذا القسم تلقائيًا.',
    status: 'في انتظار فتح الرابط…',
    resend: 'إعادة إرسال الرابط',
    resendIn: 'إعادة إرسال الرابط بعد {{seconds}} ث',
    resent: 'أرسلنا إليك رابطًا جديدًا.',
    useAnotherMethod: 'استخدام طريقة أخرى',
    useCode: 'استخدام رمز بدلًا من ذلك',
    expired: 'انتهت صلاحية الرابط. اطلب رابطًا جديدًا.',
  },
  verify: {
    signInTitle: 'تسجيل الدخول إلى {{applicationName}}',
    signUpTitle: 'تحقّق من بريدك الإلكتروني',
    emailTitle: 'التحقق من عنوان بريدك الإلكتروني',
    signInText: 'فتحت رابط تسجيل دخول للعنوان {{emailAddress}}.',
    signUpText: 'فتحت رابطًا للتحقق من {{emailAddress}} وإكمال إنشاء الحساب.',
    emailText: 'فتحت رابطًا للتحقق من {{emailAddress}} في حسابك.',
    continueAs: 'المتابعة باسم {{emailAddress}}',
    verifyAction: 'تحقّق من {{emailAddress}}',
    requestedFrom: 'طُلب من {{device}}.',
    checking: 'جارٍ التحقق من الرابط…',
  },
  elsewhere: {
    title: 'ارجع إلى علامة التبويب الأصلية',
    signInText: 'سجّلت الدخول الآن على الجهاز الذي طلبت منه هذا الرابط. ارجع إلى علامة التبويب تلك للمتابعة، ويمكنك إغلاق هذه.',
    signUpText: 'تم التحقق من بريدك الإلكتروني. ارجع إلى علامة التبويب التي أنشأت منها الحساب للمتابعة، ويمكنك إغلاق هذه.',
    emailText: 'تم التحقق من بريدك الإلكتروني. ارجع إلى علامة التبويب التي جئت منها، ويمكنك إغلاق هذه.',
    why: 'حفاظًا على أمانك، لا يسجّل الرابط الدخول إلا في المتصفح الذي طلبه: من يحصل على الرسالة لا يمكنه استخدامها لتسجيل الدخول في مكان آخر.',
  },
  failed: {
    title: 'لا يمكن استخدام هذا الرابط',
    signInAgain: 'تسجيل الدخول مجددًا',
    signUpAgain: 'إنشاء الحساب مجددًا',
    back: 'الانتقال إلى حسابك',
  },
  verified: {
    title: 'تم التحقق من البريد الإلكتروني',
    text: 'تم التحقق من {{emailAddress}}.',
  },
};
