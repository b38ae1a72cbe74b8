import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LatchProvider } from '@latch/react';
import { App, type AppProps } from './App';
import { navigate } from './router';

type Backend = AppProps & { frontendApi: string };

/**
 * `npm start`: the Latch server runs beside Vite, which proxies its routes,
 * so the API is same-origin and the client token rides in an HttpOnly cookie.
 */
function realServer(): Backend {
  return {
    frontendApi: window.location.origin,
    backendLabel: 'The Latch server runs on SQLite (.latch/latch.db); codes go to its development outbox.',
    readOutbox: async () => {
      const response = await fetch('/v1/dev/outbox');
      return response.ok ? response.json() : [];
    },
  };
}

async function backend(): Promise<Backend> {
  if (import.meta.env.MODE !== 'mock') return realServer();
  // Loaded only offline, so the server mode's page carries no mock.
  const { startMockMode } = await import('./mockMode');
  return startMockMode();
}

backend().then(({ frontendApi, ...app }) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LatchProvider frontendApi={frontendApi} navigate={navigate}>
        <App {...app} />
      </LatchProvider>
    </StrictMode>,
  );
});
