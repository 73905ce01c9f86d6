export const ROLES = ['ADMIN', 'SUPERVISOR', 'AGENT'] as const;
export type Role = (typeof ROLES)[number];

const rank: Record<Role, number> = { AGENT: 1, SUPERVISOR: 2, ADMIN: 3 };

/** Roles are ordered: an ADMIN may do whatever a SUPERVISOR may, who may do whatever an AGENT may. */
export const hasRole = (actual: Role, required: Role): boolean => rank[actual] >= rank[required];

/**
 * Why a role change or deactivation is refused, or null when allowed. A workspace must always
 * keep one active ADMIN, or nobody could ever manage it again.
 */
export const memberChangeRefusal = (change: {
  actorId: string;
  targetId: string;
  targetRole: Role;
  nextRole: Role | 'DEACTIVATED';
  activeAdminCount: number;
}): string | null => {
  const removesAdmin = change.targetRole === 'ADMIN' && change.nextRole !== 'ADMIN';
  if (removesAdmin && change.activeAdminCount <= 1) {
    return 'A workspace needs at least one active admin.';
  }
  if (change.actorId === change.targetId && change.nextRole === 'DEACTIVATED') {
    return 'You cannot deactivate yourself.';
  }
  return null;
};
