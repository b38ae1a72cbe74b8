import type { ServerContext } from '../flows/context';
import { createWebhookManagement, type WebhookManagement } from './endpoints';
import { createWebhookWorker, type WebhookWorker, type WebhookWorkerOptions } from './worker';

export interface WebhookOptions {
  /**
   * Allow http:// endpoints on localhost (and only there): for development
   * and tests. Off by default: endpoints must be https on a public host.
   */
  allowLocalhost?: boolean;
}

/** A server's webhooks: endpoint management and the delivery worker. */
export interface LatchWebhooks extends WebhookManagement {
  /** A worker that sends this server's outbox; call `start()` (the Node service does) or `runOnce()`. */
  createWorker(options?: WebhookWorkerOptions): WebhookWorker;
}

export function createWebhooks(ctx: ServerContext): LatchWebhooks {
  return {
    ...createWebhookManagement(ctx),
    createWorker: (options = {}) => createWebhookWorker(ctx, options),
  };
}
