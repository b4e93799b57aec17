import type { UserRecord } from '../domain/model.ts';
import { memoize, restUrl, type RenderContext } from './context.ts';

function avatarUrls(ctx: RenderContext, user: UserRecord): Record<string, string> {
  const base = `${ctx.baseUrl}/secure/useravatar?ownerId=${encodeURIComponent(user.id)}`;
  return {
    '48x48': base,
    '24x24': `${base}&size=small`,
    '16x16': `${base}&size=xsmall`,
    '32x32': `${base}&size=medium`,
  };
}

/** A user as embedded in issues: accountId on Cloud, name and key on Data Center. */
export function renderUser(ctx: RenderContext, user: UserRecord): Record<string, unknown> {
  if (ctx.flavor === 'cloud') {
    return {
      self: restUrl(ctx, `user?accountId=${user.id}`),
      accountId: user.id,
      emailAddress: user.email,
      avatarUrls: avatarUrls(ctx, user),
      displayName: user.displayName,
      active: user.active,
      timeZone: user.timeZone,
      accountType: 'atlassian',
    };
  }
  return {
    self: restUrl(ctx, `user?username=${user.name}`),
    name: user.name,
    key: user.id,
    emailAddress: user.email,
    avatarUrls: avatarUrls(ctx, user),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
  };
}

/** A user by id, or null when the id is null or unknown. */
export function renderUserById(
  ctx: RenderContext,
  id: string | null,
): Record<string, unknown> | null {
  if (id === null) return null;
  return memoize(ctx, `user:${id}`, () => {
    const user = ctx.store.userById(id);
    return user === undefined ? null : renderUser(ctx, user);
  });
}

/** The `/myself` answer: the embedded shape plus locale, groups and application roles. */
export function renderMyself(ctx: RenderContext, user: UserRecord): Record<string, unknown> {
  const base = renderUser(ctx, user);
  const extra = {
    locale: 'en_US',
    groups: { size: 1, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
  return ctx.flavor === 'cloud' ? { ...base, ...extra } : { ...base, ...extra, deleted: false };
}
