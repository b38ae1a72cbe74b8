import type { PasswordPolicy } from '@latch/protocol';
import { useElement, useLocalization } from '../../foundation';
import { passwordRules, type PasswordRule } from './fields';

/**
 * The password policy as a checklist that updates while the person types.
 * It is the password input's description (read when the input is focused),
 * and a polite live region: each rule's item is keyed by its state, so when a
 * rule flips React replaces the item and only that item is announced
 * ("Met: Have at least 8 characters"), not every keystroke.
 */
export function PasswordHints({ policy, password }: { policy: PasswordPolicy; password: string }) {
  const { t } = useLocalization();
  const list = useElement('passwordHints');
  return (
    <>
      {t('passwordHints.title')}
      <ul {...list} aria-live="polite">
        {passwordRules(policy, password).map((rule) => (
          <RuleItem key={`${rule.key}-${rule.met}`} rule={rule} />
        ))}
        {/* Only the server knows its list of common passwords: a standing note, with no met/unmet state. */}
        {policy.rejectCommon && <NoteItem text={t('passwordHints.notCommon')} />}
      </ul>
    </>
  );
}

function RuleItem({ rule }: { rule: PasswordRule }) {
  const { t } = useLocalization();
  return (
    <li {...useElement('passwordHint', { active: rule.met })} data-rule={rule.key}>
      {/* The state in words, for those who cannot see the styling that marks it. */}
      <span className="latch-visually-hidden">{t(rule.met ? 'passwordHints.met' : 'passwordHints.unmet')} </span>
      {t(`passwordHints.${rule.key}`, { count: rule.count })}
    </li>
  );
}

function NoteItem({ text }: { text: string }) {
  return <li {...useElement('passwordHint')}>{text}</li>;
}
