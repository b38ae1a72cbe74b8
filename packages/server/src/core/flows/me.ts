import type { DeletedJSON } from '@latch/protocol';
import { fail } from '../errors';
import { serializeUser } from '../serialize';
import type { UserRecord } from '../store/records';
import { assertUsernameAvailable, cleanName, normalizeUsername } from './identity';
import { maxImageDataUrlLength, validateImageDataUrl } from './image';
import { readMetadata } from './metadata';
import { api, type RouteHandler } from './reply';
import { recentlyVerifiedSession } from './reverification';
import { currentSession } from './sessions';
import { deleteUser, updateUser } from './users';

export const getMe: RouteHandler = async (ctx) => {
  const { user } = await currentSession(ctx);
  return api(await serializeUser(ctx, user));
};

/** Names, username, profile image and unsafe metadata; `null` clears a field. */
export const updateMe: RouteHandler = async (ctx) => {
  const firstName = ctx.body.nullableString('firstName');
  const lastName = ctx.body.nullableString('lastName');
  const username = ctx.body.nullableString('username');
  const imageUrl = ctx.body.nullableString('imageUrl', { max: maxImageDataUrlLength });
  const unsafeMetadata = readMetadata(ctx.body, 'unsafeMetadata');
  const { user } = await currentSession(ctx);

  const patch: Partial<UserRecord> = {};
  if (firstName !== undefined) patch.firstName = cleanName(firstName, 'firstName');
  if (lastName !== undefined) patch.lastName = cleanName(lastName, 'lastName');
  if (username !== undefined) patch.username = username === null ? null : normalizeUsername(username);
  if (patch.username === null && ctx.settings.signUp.fields.username === 'required') {
    throw fail('form_param_missing', { paramName: 'username', status: 422 });
  }
  if (patch.username) await assertUsernameAvailable(ctx, patch.username, user.id);
  if (imageUrl !== undefined) patch.imageUrl = imageUrl === null ? null : validateImageDataUrl(imageUrl);
  if (unsafeMetadata !== undefined) patch.unsafeMetadata = unsafeMetadata;
  return api(await serializeUser(ctx, await updateUser(ctx, user.id, patch)));
};

/** Deletes the account: the user, its email addresses, sessions and codes. */
export const deleteMe: RouteHandler = async (ctx) => {
  const { user } = await recentlyVerifiedSession(ctx);
  await deleteUser(ctx, user.id);
  const deleted: DeletedJSON = { id: user.id, deleted: true };
  return api(deleted);
};
