import { Fragment, type ReactNode } from 'react';
import { Checkbox, useElement, useLocalization } from '../../foundation';

export interface LegalLinks {
  terms?: string;
  privacy?: string;
}

interface LegalConsentProps {
  links: LegalLinks;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string | null;
}

/**
 * "I agree to the Terms of Service and the Privacy Policy": a checkbox whose
 * label holds real links. The sentence comes from the locale with
 * `{{termsLink}}` / `{{privacyLink}}` markers, so each language can place the
 * links where its grammar wants them, and no HTML is ever parsed from it.
 */
export function LegalConsent({ links, checked, onChange, error }: LegalConsentProps) {
  const { t } = useLocalization();
  const link = useElement('signUpLegalLink');
  const anchor = (href: string, text: string) => (
    // A new tab, so following the link does not throw away the half-filled form.
    <a {...link} href={href} target="_blank" rel="noopener noreferrer">
      {text}
      <span className="latch-visually-hidden"> {t('signUp.legal.newTab')}</span>
    </a>
  );
  const template = t(
    links.terms && links.privacy
      ? 'signUp.legal.termsAndPrivacy'
      : links.terms
        ? 'signUp.legal.termsOnly'
        : 'signUp.legal.privacyOnly',
  );
  const label = fillNodes(template, {
    termsLink: links.terms ? anchor(links.terms, t('signUp.legal.terms')) : null,
    privacyLink: links.privacy ? anchor(links.privacy, t('signUp.legal.privacy')) : null,
  });
  return <Checkbox name="legalAccepted" label={label} checked={checked} onChange={onChange} required error={error} />;
}

/** `template` with each `{{name}}` replaced by `nodes[name]`; text stays text. */
export function fillNodes(template: string, nodes: Record<string, ReactNode>): ReactNode[] {
  // split() with a capture group puts the names at the odd indices.
  return template.split(/\{\{\s*(\w+)\s*\}\}/).map((part, index) => (
    <Fragment key={index}>{index % 2 === 1 ? (Object.hasOwn(nodes, part) ? nodes[part] : `{{${part}}}`) : part}</Fragment>
  ));
}
