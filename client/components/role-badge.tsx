import type { Role } from '../../src/domain/roles.ts';
import { ROLE_LABELS } from '../lib/format.ts';

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge badge-role-${role.toLowerCase()}`}>{ROLE_LABELS[role]}</span>;
}
