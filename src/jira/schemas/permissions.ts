import { z } from 'zod';

/** The permissions OwlHub uses; `mypermissions` is asked for these (Cloud requires the list). */
export const OWLHUB_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
] as const;

/** `GET /mypermissions`: one entry per permission key asked for. */
export const MyPermissionsSchema = z.looseObject({
  permissions: z.record(
    z.string(),
    z.looseObject({
      key: z.string().optional(),
      name: z.string().optional(),
      havePermission: z.boolean(),
    }),
  ),
});

/** A parsed mypermissions answer. */
export type MyPermissions = z.infer<typeof MyPermissionsSchema>;

/** Permission key → granted, for the keys asked for; a key Jira left out counts as not granted. */
export function grantedPermissions(
  answer: MyPermissions,
  keys: readonly string[],
): Record<string, boolean> {
  return Object.fromEntries(
    keys.map((key) => [key, answer.permissions[key]?.havePermission === true]),
  );
}
