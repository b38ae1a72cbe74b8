import type { LocalizationResource } from '../../types';

/** Arabic strings of the passkey parts. */
export const passkeys: NonNullable<LocalizationResource['passkeys']> = {
  signIn: {
    button: 'تسجيل الدخول باستخدام مفتاح مرور',
    usePasskey: 'استخدام مفتاح المرور',
  },
  offer: {
    title: 'سجّل الدخول بسرعة أكبر في المرة القادمة',
    subtitle: 'أنشئ مفتاح مرور لتسجيل الدخول إلى {{applicationName}} ببصمتك أو وجهك أو قفل الشاشة بدلًا من كلمة المرور.',
    create: 'إنشاء مفتاح مرور',
    notNow: 'ليس الآن',
    created: 'مفتاح المرور جاهز. في المرة القادمة، اختر «تسجيل الدخول باستخدام مفتاح مرور».',
  },
  profile: {
    title: 'مفاتيح المرور',
    text: 'سجّل الدخول ببصمتك أو وجهك أو قفل الشاشة بدلًا من كلمة المرور.',
    none: 'ليست لديك مفاتيح مرور بعد.',
    add: 'إضافة مفتاح مرور',
    nameTitle: 'سمِّ مفتاح المرور',
    nameText: 'يساعدك الاسم على التمييز بين مفاتيح المرور، مثل اسم الجهاز المحفوظ عليه.',
    name: 'اسم مفتاح المرور',
    renameTitle: 'إعادة تسمية {{name}}',
    rename: 'إعادة التسمية',
    remove: 'إزالة',
    removeTitle: 'هل تريد إزالة {{name}}؟',
    removeText: 'لن تتمكن بعد الآن من تسجيل الدخول بمفتاح المرور هذا. يبقى على جهازك حتى تحذفه منه.',
    created: 'تاريخ الإنشاء: {{date}}',
    lastUsed: 'آخر استخدام: {{date}}',
    unnamed: 'مفتاح مرور',
    neverUsed: 'لم يُستخدم قط',
    added: 'تمت إضافة مفتاح المرور.',
    renamed: 'تمت إعادة تسمية مفتاح المرور.',
    removed: 'تمت إزالة {{name}}.',
  },
};
