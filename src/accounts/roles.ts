import type { Role } from '../storage/schema.ts';

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

/** Whether `role` may do what `required` may do (admin ⊃ member ⊃ viewer). */
export function roleAllows(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}
