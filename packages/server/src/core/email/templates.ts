import type { EmailKind } from '../flows/context';
import { negotiateLocale } from './locale';

/**
 * The text of every email the server sends: plain text, no HTML, no links, so
 * nothing in it can be turned into a phishing page and every mail client shows
 * it the same. It lives in the core so the mock sends exactly what production does.
 */
export const emailLocales = ['en', 'fr', 'de', 'es', 'ja', 'ar'] as const;
export type EmailLocale = (typeof emailLocales)[number];

interface EmailText {
  subject: Record<EmailKind, (app: string) => string>;
  body: (code: string, minutes: number) => string;
}

const texts: Record<EmailLocale, EmailText> = {
  en: {
    subject: {
      sign_up_code: (app) => `Your ${app} sign-up code`,
      sign_in_code: (app) => `Your ${app} sign-in code`,
      reset_password_code: (app) => `Your ${app} password reset code`,
      verify_email_code: (app) => `Verify your email address for ${app}`,
      reverification_code: (app) => `Confirm it’s you on ${app}`,
    },
    body: (code, minutes) => `Your code is ${code}. It expires in ${minutes} minutes. If you did not ask for it, ignore this email.`,
  },
  fr: {
    subject: {
      sign_up_code: (app) => `Votre code d’inscription à ${app}`,
      sign_in_code: (app) => `Votre code de connexion à ${app}`,
      reset_password_code: (app) => `Votre code de réinitialisation du mot de passe ${app}`,
      verify_email_code: (app) => `Confirmez votre adresse e-mail pour ${app}`,
      reverification_code: (app) => `Confirmez votre identité sur ${app}`,
    },
    body: (code, minutes) =>
      `Votre code est ${code}. Il expire dans ${minutes} minutes. Si vous ne l’avez pas demandé, ignorez cet e-mail.`,
  },
  de: {
    subject: {
      sign_up_code: (app) => `Ihr Registrierungscode für ${app}`,
      sign_in_code: (app) => `Ihr Anmeldecode für ${app}`,
      reset_password_code: (app) => `Ihr Code zum Zurücksetzen des Passworts für ${app}`,
      verify_email_code: (app) => `Bestätigen Sie Ihre E-Mail-Adresse für ${app}`,
      reverification_code: (app) => `Bestätigen Sie Ihre Identität für ${app}`,
    },
    body: (code, minutes) =>
      `Ihr Code lautet ${code}. Er ist ${minutes} Minuten lang gültig. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.`,
  },
  es: {
    subject: {
      sign_up_code: (app) => `Tu código de registro en ${app}`,
      sign_in_code: (app) => `Tu código de inicio de sesión en ${app}`,
      reset_password_code: (app) => `Tu código para restablecer la contraseña de ${app}`,
      verify_email_code: (app) => `Verifica tu dirección de correo electrónico para ${app}`,
      reverification_code: (app) => `Confirma tu identidad en ${app}`,
    },
    body: (code, minutes) => `Tu código es ${code}. Caduca en ${minutes} minutos. Si no lo has solicitado, ignora este correo.`,
  },
  ja: {
    subject: {
      sign_up_code: (app) => `${app} の登録コード`,
      sign_in_code: (app) => `${app} のサインインコード`,
      reset_password_code: (app) => `${app} のパスワード再設定コード`,
      verify_email_code: (app) => `${app} のメールアドレスを確認してください`,
      reverification_code: (app) => `${app} の本人確認コード`,
    },
    body: (code, minutes) => `あなたのコードは ${code} です。有効期限は ${minutes} 分です。心当たりがない場合は、このメールを無視してください。`,
  },
  ar: {
    subject: {
      sign_up_code: (app) => `رمز التسجيل في ${app}`,
      sign_in_code: (app) => `رمز تسجيل الدخول إلى ${app}`,
      reset_password_code: (app) => `رمز إعادة تعيين كلمة المرور في ${app}`,
      verify_email_code: (app) => `تحقّق من عنوان بريدك الإلكتروني في ${app}`,
      reverification_code: (app) => `رمز تأكيد هويتك في ${app}`,
    },
    // "دقائق" is the plural for 3 to 10: right for the 10-minute code lifetime.
    body: (code, minutes) => `رمزك هو ${code}. تنتهي صلاحيته خلال ${minutes} دقائق. إذا لم تطلبه، فتجاهل هذه الرسالة.`,
  },
};

export interface EmailContent {
  locale: EmailLocale;
  subject: string;
  text: string;
}

/** Subject and body of a code email, in the language the request prefers (English if none is supported). */
export function codeEmail(kind: EmailKind, params: { appName: string; code: string; minutes: number; acceptLanguage: string | null }): EmailContent {
  const locale = negotiateLocale(params.acceptLanguage, emailLocales, 'en');
  const text = texts[locale];
  return { locale, subject: text.subject[kind](params.appName), text: text.body(params.code, params.minutes) };
}
