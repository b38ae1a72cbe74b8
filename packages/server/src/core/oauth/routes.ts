import { fail } from '../errors';
import type { RouteHandler } from '../flows/reply';

// CONTRACT stubs: the flows land in the following commits.
const notYet: RouteHandler = async () => {
  throw fail('feature_disabled', { message: 'Social sign-in is not implemented yet.' });
};

export const oauthCallback = notYet;
export const oauthFormPost = notYet;
export const createExternalAccount = notYet;
export const reauthorizeExternalAccount = notYet;
export const deleteExternalAccount = notYet;
