import { setupServer, type SetupServer } from 'msw/node';
import type { MockBackend } from './index';

/** An MSW server for Node (tests) answering for each backend; call `.listen()` on it. */
export function setupMockServer(...backends: MockBackend[]): SetupServer {
  return setupServer(...backends.flatMap((backend) => backend.handlers));
}
