import type { EmailKind } from '../flows/context';
import { negotiateLocale } from './locale';

/**
 * The text of every email the server sends: plain text, no HTML, so nothing
 * in it can be turned into a phishing page and every mail client shows it the
 * same. Code emails carry no link; link emails carry exactly one, to the
 * app's own verify page (an allowed redirect URL), on a line of its own. It
 * lives in the core so the mock sends exactly what production does.
 */
export const emailLocales = ['en', 'fr', 'de', 'es', 'ja', 'ar'] as const;
export type EmailLocale = (typeof emailLocales)[number];

interface EmailText {
  subject: Record<EmailKind, (app: string) => string>;
  body: (code: string, minutes: number) => string;
  linkBody: (link: string, minutes: number) => string;
}

const texts: Record<EmailLocale, EmailText> = {
  en: {
    subject: {
      sign_up_code: (app) => `Your ${app} sign-up code`,
      sign_in_code: (app) => `Your ${app} sign-in code`,
      reset_password_code: (app) => `Your ${app} password reset code`,
      verify_email_code: (app) => `Verify your email address for ${app}`,
      reverification_code: (app) => `Confirm it’s you on ${app}`,
      sign_in_link: (app) => `Your ${app} sign-in link`,
      sign_up_link: (app) => `Finish signing up for ${app}`,
      verify_email_link: (app) => `Verify your email address for ${app}`,
    },
    body: (code, minutes) => `Your code is ${code}. It expires in ${minutes} minutes. If you did not ask for it, ignore this email.`,
    linkBody: (link, minutes) => `Open this link to continue:\n\n${link}\n\nIt works once and expires in ${minutes} minutes. If you did not ask for it, ignore this email.`,
  },
  fr: {
    subject: {
      sign_up_code: (app) => `Votre code d’inscription à ${app}`,
      sign_in_code: (app) => `Votre code de connexion à ${app}`,
      reset_password_code: (app) => `Votre code de réinitialisation du mot de passe ${app}`,
      verify_email_code: (app) => `Confirmez votre adresse e-mail pour ${app}`,
      reverification_code: (app) => `Confirmez votre identité sur ${app}`,
      sign_in_link: (app) => `Votre lien de connexion à ${app}`,
      sign_up_link: (app) => `Terminez votre inscription à ${app}`,
      verify_email_link: (app) => `Confirmez votre adresse e-mail pour ${app}`,
    },
    body: (code, minutes) =>
      `Votre code est ${code}. Il expire dans ${minutes} minutes. Si vous ne l’avez pas demandé, ignorez cet e-mail.`,
    linkBody: (link, minutes) =>
      `Ouvrez ce lien pour continuer :\n\n${link}\n\nIl ne sert qu’une fois et expire dans ${minutes} minutes. Si vous ne l’avez pas demandé, ignorez cet e-mail.`,
  },
  de: {
    subject: {
      sign_up_code: (app) => `Ihr Registrierungscode für ${app}`,
      sign_in_code: (app) => `Ihr Anmeldecode für ${app}`,
      reset_password_code: (app) => `Ihr Code zum Zurücksetzen des Passworts für ${app}`,
      verify_email_code: (app) => `Bestätigen Sie Ihre E-Mail-Adresse für ${app}`,
      reverification_code: (app) => `Bestätigen Sie Ihre Identität für ${app}`,
      sign_in_link: (app) => `Ihr Anmeldelink für ${app}`,
      sign_up_link: (app) => `Schließen Sie Ihre Registrierung bei ${app} ab`,
      verify_email_link: (app) => `Bestätigen Sie Ihre E-Mail-Adresse für ${app}`,
    },
    body: (code, minutes) =>
      `Ihr Code lautet ${code}. Er ist ${minutes} Minuten lang gültig. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.`,
    linkBody: (link, minutes) =>
      `Öffnen Sie diesen Link, um fortzufahren:\n\n${link}\n\nEr funktioniert nur einmal und ist ${minutes} Minuten lang gültig. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.`,
  },
  es: {
    subject: {
      sign_up_code: (app) => `Tu código de registro en ${app}`,
      sign_in_code: (app) => `Tu código de inicio de sesión en ${app}`,
      reset_password_code: (app) => `Tu código para restablecer la contraseña de ${app}`,
      verify_email_code: (app) => `Verifica tu dirección de correo electrónico para ${app}`,
      reverification_code: (app) => `Confirma tu identidad en ${app}`,
      sign_in_link: (app) => `Tu enlace de inicio de sesión en ${app}`,
      sign_up_link: (app) => `Completa tu registro en ${app}`,
      verify_email_link: (app) => `Verifica tu dirección de correo electrónico para ${app}`,
    },
    body: (code, minutes) => `Tu código es ${code}. Caduca en ${minutes} minutos. Si no lo has solicitado, ignora este correo.`,
    linkBody: (link, minutes) =>
      `Abre este enlace para continuar:\n\n${link}\n\nSolo funciona una vez y caduca en ${minutes} minutos. Si no lo has solicitado, ignora este correo.`,
  },
  ja: {
    subject: {
      sign_up_code: (app) => `${app} の登録コード`,
      sign_in_code: (app) => `${app} のサインインコード`,
      reset_password_code: (app) => `${app} のパスワード再設定コード`,
      verify_email_code: (app) => `${app} のメールアドレスを確認してください`,
      reverification_code: (app) => `${app} の本人確認コード`,
      sign_in_link: (app) => `${app} のサインインリンク`,
      sign_up_link: (app) => `${app} の登録を完了してください`,
      verify_email_link: (app) => `${app} のメールアドレスを確認してください`,
    },
    body: (code, minutes) => `あなたのコードは ${code} です。有効期限は ${minutes} 分です。心当たりがない場合は、このメールを無視してください。`,
    linkBody: (link, minutes) =>
      `続行するには、次のリンクを開いてください。\n\n${link}\n\nこのリンクは1回だけ使用でき、有効期限は ${minutes} 分です。心当たりがない場合は、このメールを無視してください。`,
  },
  ar: {
    subject: {
      sign_up_code: (app) => `رمز التسجيل في ${app}`,
      sign_in_code: (app) => `رمز تسجيل الدخول إلى ${app}`,
      reset_password_code: (app) => `رمز إعادة تعيين كلمة المرور في ${app}`,
      verify_email_code: (app) => `تحقّق من عنوان بريدك الإلكتروني في ${app}`,
      reverification_code: (app) => `رمز تأكيد هويتك في ${app}`,
      sign_in_link: (app) => `رابط تسجيل الدخول إلى ${app}`,
      sign_up_link: (app) => `أكمل التسجيل في ${app}`,
      verify_email_link: (app) => `تحقّق من عنوان بريدك الإلكتروني في ${app}`,
    },
    // "دقائق" is the plural for 3 to 10: right for the 10-minute code lifetime.
    body: (code, minutes) => `رمزك هو ${code}. تنتهي صلاحيته خلال ${minutes} دقائق. إذا لم تطلبه، فتجاهل هذه الرسالة.`,
    linkBody: (link, minutes) =>
      `افتح هذا الرابط للمتابعة:\n\n${link}\n\nيعمل مرة واحدة فقط وتنتهي صلاحيته خلال ${minutes} دقائق. إذا لم تطلبه، فتجاهل هذه الرسالة.`,
  },
};

export interface EmailContent {
  locale: EmailLocale;
  subject: string;
  text: string;
}

interface EmailParams {
  appName: string;
  minutes: number;
  acceptLanguage: string | null;
}

/** Subject and body of a code email, in the language the request prefers (English if none is supported). */
export function codeEmail(kind: EmailKind, params: EmailParams & { code: string }): EmailContent {
  return render(kind, params, (text) => text.body(params.code, params.minutes));
}

/** Subject and body of an email-link email, likewise. */
export function linkEmail(kind: EmailKind, params: EmailParams & { link: string }): EmailContent {
  return render(kind, params, (text) => text.linkBody(params.link, params.minutes));
}

function render(kind: EmailKind, params: EmailParams, body: (text: EmailText) => string): EmailContent {
  const locale = negotiateLocale(params.acceptLanguage, emailLocales, 'en');
  const text = texts[locale];
  return { locale, subject: text.subject[kind](params.appName), text: body(text) };
}
