import { useState } from 'react';
import { useAsyncAction } from '../useAsyncAction';
import { useLocalization } from '../localization/useLocalization';

/** Field (or other control) name → its message, or null when it is fine. */
export type Problems = Partial<Record<string, string | null>>;

/**
 * How a run ended: 'done'; 'busy' (another run was in flight, this one did
 * nothing); 'invalid' (`problems` found, nothing sent); 'field' (the API's
 * error shows beside this step's fields, no Alert); 'alert' (a failure the
 * step's Alert shows).
 */
export type StepOutcome = 'done' | 'busy' | 'invalid' | 'field' | 'alert';

export interface StepAction {
  loading: boolean;
  /** The message for the field named `name` (its input's `name`, the API's `meta.paramName`), or null. */
  fieldError(name: string): string | null;
  /** A failure no field of this step can show, for the step's Alert; null when there is none. */
  alert: string | null;
  /**
   * Checks `problems` and runs `fn` only when there are none; one run at a
   * time, its failure kept for display until the next run.
   */
  run(fn: () => Promise<unknown>, problems?: Problems): Promise<StepOutcome>;
  /** Forgets the message of one field, once the person starts fixing it. */
  clearFieldError(name: string): void;
  /** Shows `message` in the Alert until the next run: what the step itself found wrong, with nothing thrown. */
  fail(message: string): void;
  reset(): void;
}

type Messages = Partial<Record<string, string>>;

/**
 * One submit's loading and errors, split the way a step shows them: an API
 * error naming one of `fields` goes beside that field; anything else (a
 * lockout, the network, a field this step does not show) goes to the Alert,
 * so no failure is ever silent.
 */
export function useStepAction(fields: readonly string[]): StepAction {
  const action = useAsyncAction();
  const { fieldErrors, errorMessage } = useLocalization();
  const [messages, setMessages] = useState<Messages>({});
  const [alert, setAlert] = useState<string | null>(null);
  const show = (byField: Messages, alertMessage: string | null) => {
    setMessages(byField);
    setAlert(alertMessage);
  };

  return {
    loading: action.loading,
    fieldError: (name) => messages[name] ?? null,
    alert,
    async run(fn, problems = {}) {
      const found = Object.fromEntries(Object.entries(problems).filter((entry): entry is [string, string] => !!entry[1]));
      show(found, null);
      if (Object.keys(found).length > 0) return 'invalid';
      let outcome: StepOutcome = 'busy';
      await action.run(async () => {
        try {
          await fn();
          outcome = 'done';
        } catch (error) {
          const byField = fieldErrors(error);
          const named = Object.keys(byField);
          const onFields = named.length > 0 && named.every((name) => fields.includes(name));
          show(byField, onFields ? null : errorMessage(error));
          outcome = onFields ? 'field' : 'alert';
        }
      });
      return outcome;
    },
    clearFieldError(name) {
      setMessages((current) => (current[name] ? { ...current, [name]: undefined } : current));
    },
    fail: setAlert,
    reset: () => show({}, null),
  };
}
