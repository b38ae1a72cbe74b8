// @vitest-environment jsdom
import { StrictMode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  Alert,
  Avatar,
  Checkbox,
  breakableEmails,
  CodeField,
  ComponentRoot,
  Field,
  Form,
  Header,
  PasswordField,
  PrimaryButton,
  useAsyncAction,
} from '../../src/foundation';
import { serveMockBackend, withProvider } from './harness';

const backend = serveMockBackend();

async function renderIn(ui: React.ReactNode) {
  await act(async () => {
    render(withProvider(backend.url, <ComponentRoot component="signIn">{ui}</ComponentRoot>));
  });
  return userEvent.setup();
}

describe('Field', () => {
  it('ties its label, hint and announced error to the input', async () => {
    await renderIn(<Field name="emailAddress" label="Email address" value="" onChange={() => {}} hint="We never share it" error="Wrong" required />);
    const input = screen.getByLabelText('Email address');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(input.className).toBe('latch-formFieldInput');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Wrong');
    const describedBy = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(describedBy).toContain(alert.id);
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toEqual(['We never share it', 'Wrong']);
    expect(input.closest('.latch-formField')?.hasAttribute('data-error')).toBe(true);
  });

  it('marks an optional field in words', async () => {
    await renderIn(<Field name="username" label="Username" value="" onChange={() => {}} optional />);
    expect(screen.getByText('Optional')).toBeTruthy();
    expect(screen.getByLabelText('Username').hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('PasswordField', () => {
  it('shows and hides the password with a pressed toggle', async () => {
    function Harness() {
      const [value, setValue] = useState('');
      return <PasswordField name="password" label="Password" value={value} onChange={setValue} />;
    }
    const user = await renderIn(<Harness />);
    const input = screen.getByLabelText('Password');
    await user.type(input, 'secret');
    expect(input.getAttribute('type')).toBe('password');
    expect(input.getAttribute('autocomplete')).toBe('current-password');
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(input.getAttribute('type')).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('CodeField', () => {
  it('is one numeric one-time-code input named "Verification code" that keeps digits only', async () => {
    function Harness() {
      const [code, setCode] = useState('');
      return <CodeField value={code} onChange={setCode} />;
    }
    const user = await renderIn(<Harness />);
    const input = screen.getByLabelText('Verification code') as HTMLInputElement;
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
    expect(input.autocomplete).toBe('one-time-code');
    expect(input.inputMode).toBe('numeric');
    expect(input.className).toBe('latch-otpInput');
    await user.type(input, '12a3-4567');
    expect(input.value).toBe('123456');
  });

  function SubmittingHarness({ onSubmit, error }: { onSubmit(code: string): void; error?: string }) {
    const [code, setCode] = useState('');
    return (
      <Form onSubmit={() => onSubmit(code)}>
        <CodeField value={code} onChange={setCode} error={error} />
      </Form>
    );
  }

  it('submits the form once the sixth digit is typed, with all six', async () => {
    const submitted = vi.fn();
    const user = await renderIn(<SubmittingHarness onSubmit={submitted} />);
    const input = screen.getByLabelText('Verification code');
    await user.type(input, '12345');
    expect(submitted).not.toHaveBeenCalled();
    await user.type(input, '6');
    expect(submitted).toHaveBeenCalledExactlyOnceWith('123456');
    // Deleting a digit and typing it again is a new code: it submits again.
    await user.type(input, '{Backspace}7');
    expect(submitted).toHaveBeenLastCalledWith('123457');
    expect(submitted).toHaveBeenCalledTimes(2);
  });

  it('submits a pasted code, spaces and dashes dropped', async () => {
    const submitted = vi.fn();
    const user = await renderIn(<SubmittingHarness onSubmit={submitted} />);
    await user.click(screen.getByLabelText('Verification code'));
    await user.paste('123-456');
    expect(submitted).toHaveBeenCalledExactlyOnceWith('123456');
  });

  it('shows each digit in its own box, hidden from screen readers, and marks every box on error', async () => {
    const user = await renderIn(<SubmittingHarness onSubmit={() => {}} error="The code is incorrect." />);
    await user.type(screen.getByLabelText('Verification code'), '42');
    const field = screen.getByLabelText('Verification code').closest('.latch-otpField')!;
    const boxes = [...field.querySelectorAll('.latch-otpBox')];
    expect(boxes.map((box) => box.textContent)).toEqual(['4', '2', '', '', '', '']);
    expect(boxes.every((box) => box.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(boxes.map((box) => box.hasAttribute('data-active'))).toEqual([false, false, true, false, false, false]);
    expect(field.hasAttribute('data-error')).toBe(true);
  });
});

describe('buttons and forms', () => {
  it('submits once while the work is pending, showing a busy, disabled button', async () => {
    let finish = () => {};
    const work = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    function Harness() {
      const action = useAsyncAction();
      return (
        <Form onSubmit={() => action.run(work)}>
          <Field name="emailAddress" label="Email address" value="a@b.c" onChange={() => {}} />
          <PrimaryButton loading={action.loading}>Continue</PrimaryButton>
        </Form>
      );
    }
    const user = await renderIn(<Harness />);
    const button = screen.getByRole('button', { name: 'Continue' });
    await user.click(button);
    await user.type(screen.getByLabelText('Email address'), '{Enter}');
    expect(work).toHaveBeenCalledTimes(1);
    const busy = screen.getByRole('button', { name: /Continue/ });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(busy.hasAttribute('data-loading')).toBe(true);
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect(busy.textContent).toBe('LoadingContinue');
    await act(async () => finish());
    expect(screen.getByRole('button', { name: 'Continue' }).hasAttribute('aria-busy')).toBe(false);
  });

  it('keeps the error a failed action threw', async () => {
    function Harness() {
      const action = useAsyncAction();
      return (
        <>
          <PrimaryButton type="button" onClick={() => action.run(() => Promise.reject(new Error('nope')))}>
            Go
          </PrimaryButton>
          {action.error ? <Alert>{(action.error as Error).message}</Alert> : null}
        </>
      );
    }
    const user = await renderIn(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(screen.getByRole('alert').textContent).toBe('nope');
  });
});

describe('Header', () => {
  it('focuses its heading when the step changes, not on first mount', async () => {
    function Harness() {
      const [step, setStep] = useState(1);
      return (
        <>
          <Header title={`Step ${step}`} focusKey={step} />
          <button type="button" onClick={() => setStep(2)}>
            next
          </button>
        </>
      );
    }
    const user = await renderIn(<Harness />);
    expect(document.activeElement).toBe(document.body);
    await user.click(screen.getByRole('button', { name: 'next' }));
    const heading = screen.getByRole('heading', { level: 1, name: 'Step 2' });
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  it('does not steal focus on the first render under StrictMode, which runs effects twice', async () => {
    function Harness() {
      const [step, setStep] = useState(1);
      return (
        <>
          <Header title={`Step ${step}`} focusKey={step} />
          <button type="button" onClick={() => setStep(2)}>
            next
          </button>
        </>
      );
    }
    const user = await renderIn(
      <StrictMode>
        <Harness />
      </StrictMode>,
    );
    expect(document.activeElement).toBe(document.body);
    await user.click(screen.getByRole('button', { name: 'next' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Step 2' }));
  });

  it('focuses on mount when asked (a later step)', async () => {
    await renderIn(<Header title="Check your email" autoFocus />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Check your email' }));
  });
});

describe('Avatar and Checkbox', () => {
  it('falls back to initials with an accessible name', async () => {
    await renderIn(<Avatar name="Ada Lovelace" />);
    expect(screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' }).textContent).toBe('AL');
  });

  it('takes initials from the first letters of first and last name', async () => {
    await renderIn(
      <>
        <Avatar name="Newton Comer-Smith" />
        <Avatar name="Ludwig van Beethoven" firstName="Ludwig" lastName="van Beethoven" />
        <Avatar name="grace@example.com" />
      </>,
    );
    expect(screen.getByRole('img', { name: 'Profile picture of Newton Comer-Smith' }).textContent).toBe('NC');
    expect(screen.getByRole('img', { name: 'Profile picture of Ludwig van Beethoven' }).textContent).toBe('LV');
    expect(screen.getByRole('img', { name: 'Profile picture of grace@example.com' }).textContent).toBe('G');
  });

  it('shows the image with alt text', async () => {
    await renderIn(<Avatar name="Ada" imageUrl="https://img.example/a.png" />);
    expect(screen.getByRole('img', { name: 'Profile picture of Ada' }).getAttribute('src')).toBe('https://img.example/a.png');
  });

  it('labels a checkbox and ties its error', async () => {
    function Harness() {
      const [checked, setChecked] = useState(false);
      return <Checkbox label="I agree" checked={checked} onChange={setChecked} error={checked ? null : 'Required'} />;
    }
    const user = await renderIn(<Harness />);
    const box = screen.getByRole('checkbox', { name: 'I agree' });
    expect(box.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    await user.click(box);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('breakableEmails', () => {
  it('lets an address wrap after the @ and before each dot, and leaves other text alone', async () => {
    await renderIn(<p data-testid="title">{breakableEmails('Verify ada.lovelace@example.org now.')}</p>);
    const title = screen.getByTestId('title');
    expect(title.textContent).toBe('Verify ada.lovelace@example.org now.');
    expect(title.innerHTML).toBe('Verify ada<wbr>.lovelace@<wbr>example<wbr>.org now.');
    expect(breakableEmails('No address here.')).toBe('No address here.');
  });
});
