import { fail } from '../../errors';
import type { RouteHandler } from '../reply';

/** Contract placeholders: the real flows land in the next commits. */
const notYet: RouteHandler = async () => {
  throw fail('feature_disabled');
};

export const signInPasskeyOptions: RouteHandler = notYet;
export const mePasskeyOptions: RouteHandler = notYet;
export const mePasskeyCreate: RouteHandler = notYet;
export const mePasskeyUpdate: RouteHandler = notYet;
export const mePasskeyDelete: RouteHandler = notYet;
