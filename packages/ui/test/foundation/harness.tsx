import type { ReactNode } from 'react';
import { LatchProvider } from '@latch/react';
import type { LocalizationInput, ProviderAppearance } from '../../src/foundation';
import { serveMockBackend as serveBackend } from '../mock-backend';

/** A mock backend for this file, served through MSW; anything else the components fetch fails the test. */
export function serveMockBackend() {
  return serveBackend().backend;
}

export interface ProviderOptions {
  appearance?: ProviderAppearance;
  localization?: LocalizationInput;
}

/** `ui` inside a LatchProvider talking to the mock. */
export function withProvider(url: string, ui: ReactNode, options: ProviderOptions = {}) {
  return (
    <LatchProvider frontendApi={url} appearance={options.appearance} localization={options.localization}>
      {ui}
    </LatchProvider>
  );
}
