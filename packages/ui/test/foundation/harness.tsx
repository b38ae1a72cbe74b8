import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { createMockBackend } from '@latch/mock';
import { LatchProvider } from '@latch/react';
import type { LocalizationInput, ProviderAppearance } from '../../src/foundation';

/** A mock backend for this file, served through MSW; anything else the components fetch fails the test. */
export function serveMockBackend() {
  const backend = createMockBackend();
  const server = setupServer(...backend.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    cleanup();
    await backend.reset();
  });
  afterAll(() => server.close());
  return backend;
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
