import { z } from 'zod';

/**
 * A Jira user. Cloud identifies users by `accountId` (name/key are empty or
 * absent, GDPR); Server/DC by `name` and `key`.
 */
export const UserSchema = z.looseObject({
  accountId: z.string().optional(),
  name: z.string().optional(),
  key: z.string().optional(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
  timeZone: z.string().optional(),
  active: z.boolean().optional(),
});

/** A parsed user. */
export type JiraUser = z.infer<typeof UserSchema>;

/** `GET /myself`: the only answer that proves who the credentials belong to. */
export const MyselfSchema = UserSchema.extend({
  displayName: z.string(),
  active: z.boolean().optional(),
}).refine((user) => nonEmpty(user.accountId) || nonEmpty(user.name) || nonEmpty(user.key), {
  message: 'a user has an accountId (Cloud) or a name/key (Server/DC)',
  path: ['accountId'],
});

/** The authenticated account. */
export type Myself = z.infer<typeof MyselfSchema>;

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}
