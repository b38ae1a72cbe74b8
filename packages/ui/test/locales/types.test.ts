import { describe, expectTypeOf, it } from 'vitest';
import { frFR } from '@latch/ui/locales';
import type { LocalizationInput, LocalizationResource } from '../../src/foundation';

/**
 * Checked by `tsc` (this folder is in the root tsconfig): a shipped locale must
 * be complete, a user's override may be any part of one.
 */
describe('locale types', () => {
  it('make a shipped locale complete: a missing section or key is a type error', () => {
    expectTypeOf(frFR).toExtend<LocalizationResource>();

    const { signIn: _signIn, ...withoutSignIn } = frFR;
    // @ts-expect-error a locale without its signIn section is not a LocalizationResource
    const _incomplete: LocalizationResource = withoutSignIn;

    const { title: _title, ...startWithoutTitle } = frFR.signIn.start;
    // @ts-expect-error nor is a section missing one string
    const _section: LocalizationResource['signIn']['start'] = startWithoutTitle;
  });

  it('keep overrides partial', () => {
    const override: LocalizationInput = { formButtonPrimary: 'Onward', signIn: { start: { title: 'Welcome back' } } };
    expectTypeOf(override).toExtend<LocalizationInput>();
    expectTypeOf(frFR).toExtend<LocalizationInput>();
  });
});
