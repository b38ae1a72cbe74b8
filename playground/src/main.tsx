import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LatchProvider } from '@latch/react';
import { createMockBackend } from '@latch/mock';
import { startMockWorker } from '@latch/mock/browser';
import { App } from './App';
import { demoAccounts } from './demo';

// The whole backend runs in this tab: MSW's service worker hands every request
// for backend.url to the Latch server core, so the playground needs no server.
const backend = createMockBackend({ users: demoAccounts, settings: { multiSession: true } });

startMockWorker(backend, { onUnhandledRequest: 'bypass', quiet: true }).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LatchProvider frontendApi={backend.url}>
        <App backend={backend} />
      </LatchProvider>
    </StrictMode>,
  );
});
