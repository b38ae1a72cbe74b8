// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import * as ui from '../../src/index';
import {
  ComponentRoot,
  cssVariableName,
  dark,
  elementKeys,
  light,
  mergeAppearance,
  PrimaryButton,
  useElement,
  type Appearance,
} from '../../src/foundation';
import { serveMockBackend, withProvider } from './harness';

// The components are other helpers' work in progress: this file checks only what the entry re-exports from the foundation.
vi.mock('../../src/components/SignIn', () => ({ SignIn: () => null }));
vi.mock('../../src/components/SignUp', () => ({ SignUp: () => null }));
vi.mock('../../src/components/UserProfile', () => ({ UserProfile: () => null }));
vi.mock('../../src/components/UserButton', () => ({ UserButton: () => null }));

const backend = serveMockBackend();

function Probe({ label = 'probe' }: { label?: string }) {
  return (
    <div data-testid={label} {...useElement('card')}>
      <PrimaryButton>Go</PrimaryButton>
    </div>
  );
}

describe('mergeAppearance', () => {
  it('layers baseTheme, then provider, provider per component, prop', () => {
    const merged = mergeAppearance(
      { baseTheme: dark, variables: { colorPrimary: 'provider', fontSize: '14px' } },
      { variables: { colorPrimary: 'provider-signIn', borderRadius: '2px' } },
      { variables: { colorPrimary: 'prop' } },
    );
    expect(merged.variables).toMatchObject({
      colorPrimary: 'prop',
      borderRadius: '2px',
      fontSize: '14px',
      colorBackground: dark.variables.colorBackground,
    });
  });

  it('puts a later layer’s baseTheme under every layer’s own variables', () => {
    const merged = mergeAppearance({ variables: { colorText: 'brand' } }, { baseTheme: dark });
    expect(merged.variables.colorText).toBe('brand');
    expect(merged.variables.colorBackground).toBe(dark.variables.colorBackground);
  });

  it('adds element strings as classes and merges element objects as styles', () => {
    const merged = mergeAppearance(
      { elements: { card: 'a', formButtonPrimary: { color: 'red', padding: '1px' } } },
      { elements: { card: 'b', formButtonPrimary: { color: 'blue' } } },
      { elements: { card: { margin: '3px' } }, layout: { logoPlacement: 'none' } },
    );
    expect(merged.elements.card).toEqual({ className: 'a b', style: { margin: '3px' } });
    expect(merged.elements.formButtonPrimary).toEqual({ style: { color: 'blue', padding: '1px' } });
    expect(merged.layout).toEqual({ logoPlacement: 'none' });
  });
});

describe('ComponentRoot', () => {
  it('gives every element its latch-<key> class, the app’s classes and styles, and data-* state', async () => {
    const appearance: Appearance = {
      elements: { card: 'brand-card', formButtonPrimary: { backgroundColor: 'rgb(255, 0, 0)' } },
    };
    await act(async () => {
      render(
        withProvider(
          backend.url,
          <ComponentRoot component="signIn" appearance={appearance}>
            <Probe />
          </ComponentRoot>,
        ),
      );
    });
    const card = screen.getByTestId('probe');
    expect(card.className).toBe('latch-card brand-card');
    const button = screen.getByRole('button', { name: 'Go' });
    expect(button.className).toBe('latch-formButtonPrimary');
    expect(button.style.backgroundColor).toBe('rgb(255, 0, 0)');
  });

  it('sets the variables on the root as kebab-case custom properties, with dir and lang', async () => {
    await act(async () => {
      render(
        withProvider(
          backend.url,
          <ComponentRoot component="signIn" appearance={{ variables: { colorPrimary: '#123456', spacingUnit: '2rem' } }}>
            <Probe />
          </ComponentRoot>,
        ),
      );
    });
    const root = screen.getByTestId('probe').closest('.latch-root') as HTMLElement;
    expect(root.style.getPropertyValue('--latch-color-primary')).toBe('#123456');
    expect(root.style.getPropertyValue('--latch-spacing-unit')).toBe('2rem');
    expect(root.getAttribute('dir')).toBe('ltr');
    expect(root.getAttribute('lang')).toBe('en-US');
    expect(cssVariableName('colorPrimaryForeground')).toBe('--latch-color-primary-foreground');
  });

  it('applies the provider’s appearance, then its per-component one, then the prop', async () => {
    await act(async () => {
      render(
        withProvider(
          backend.url,
          <>
            <ComponentRoot component="signIn" appearance={{ elements: { card: 'prop' } }}>
              <Probe label="signIn" />
            </ComponentRoot>
            <ComponentRoot component="signUp">
              <Probe label="signUp" />
            </ComponentRoot>
          </>,
          { appearance: { elements: { card: 'all' }, signIn: { elements: { card: 'only-sign-in' } } } },
        ),
      );
    });
    expect(screen.getByTestId('signIn').className).toBe('latch-card all only-sign-in prop');
    expect(screen.getByTestId('signUp').className).toBe('latch-card all');
  });

  it('lets a nested component inherit its parent’s merged appearance and localization', async () => {
    await act(async () => {
      render(
        withProvider(
          backend.url,
          <ComponentRoot
            component="userButton"
            appearance={{ variables: { colorPrimary: 'rgb(1, 2, 3)' }, elements: { card: 'from-button' } }}
            localization={{ formButtonPrimary: 'Onward' }}
          >
            <ComponentRoot component="userProfile" appearance={{ elements: { card: 'from-profile' } }}>
              <Probe label="nested" />
            </ComponentRoot>
          </ComponentRoot>,
          { appearance: { userProfile: { elements: { card: 'provider-profile' } } } },
        ),
      );
    });
    const nested = screen.getByTestId('nested');
    expect(nested.className).toBe('latch-card from-button provider-profile from-profile');
    const root = nested.closest('.latch-root') as HTMLElement;
    expect(root.dataset.component).toBe('userProfile');
    expect(root.style.getPropertyValue('--latch-color-primary')).toBe('rgb(1, 2, 3)');
  });
});

describe('public exports', () => {
  it('exports the themes as plain objects and the element key list', () => {
    expect(ui.light).toBe(light);
    expect(ui.dark).toBe(dark);
    expect(JSON.parse(JSON.stringify(dark))).toEqual(dark);
    expect(Object.keys(light.variables)).toHaveLength(16);
    expect(ui.elementKeys).toBe(elementKeys);
    expect(new Set(elementKeys).size).toBe(elementKeys.length);
    expect(elementKeys).toEqual(expect.arrayContaining(['card', 'formButtonPrimary', 'userButtonAvatarBox', 'userButtonPopoverCard']));
  });
});
