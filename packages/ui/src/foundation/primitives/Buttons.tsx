import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useElement } from '../appearance/useElement';
import type { ElementKey } from '../elements';
import { useLocalization } from '../localization/useLocalization';

/** Classes come only from `element` (and the app's appearance), so `className` and `style` are not props. */
export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'style'> {
  loading?: boolean;
  /** The appearance key, when a component styles this button as its own element. */
  element?: ElementKey;
  children?: ReactNode;
}

/** A spinner with a spoken "Loading" for screen readers. */
export function Spinner() {
  const { t } = useLocalization();
  return (
    <span {...useElement('spinner')}>
      <span className="latch-visually-hidden">{t('loading')}</span>
    </span>
  );
}

/**
 * The one button all variants share: while loading it is disabled (so it
 * cannot submit twice), aria-busy, and shows a spinner next to its label.
 */
function BaseButton({ loading = false, element, children, disabled, type, ...rest }: ButtonProps & { element: ElementKey }) {
  const styling = useElement(element, { loading });
  return (
    <button
      {...styling}
      {...rest}
      type={type ?? 'button'}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}

/** The step's main action; a submit button unless `type` says otherwise. */
export function PrimaryButton({ element = 'formButtonPrimary', type = 'submit', ...rest }: ButtonProps) {
  return <BaseButton element={element} type={type} {...rest} />;
}

export function SecondaryButton({ element = 'formButtonSecondary', ...rest }: ButtonProps) {
  return <BaseButton element={element} {...rest} />;
}

/** A button that looks like a link ("Forgot password?", "Use another method"). */
export function LinkButton({ element = 'formButtonReset', ...rest }: ButtonProps) {
  return <BaseButton element={element} {...rest} />;
}
