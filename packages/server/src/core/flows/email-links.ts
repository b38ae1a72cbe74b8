import { fail } from '../errors';
import type { RouteHandler } from './reply';

/** `POST /v1/email_links/inspect`: what a link is for, without using it. (Contract: implementation follows.) */
export const inspectEmailLink: RouteHandler = async () => {
  throw fail('email_link_invalid');
};

/** `POST /v1/email_links/verify`: uses the link. (Contract: implementation follows.) */
export const verifyEmailLink: RouteHandler = async () => {
  throw fail('email_link_invalid');
};
