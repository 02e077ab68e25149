export const ROLES = ['viewer', 'analyst', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  analyst: 'Analyst',
  admin: 'Admin',
  owner: 'Owner',
};

function rank(role: string | undefined): number {
  return ROLES.indexOf((role ?? '').toLowerCase() as Role);
}

/** True when `role` is at least `minimum` in viewer < analyst < admin < owner. */
export function hasRole(role: string | undefined, minimum: Role): boolean {
  const r = rank(role);
  return r >= 0 && r >= rank(minimum);
}

export function roleLabel(role: string): string {
  const key = role.toLowerCase() as Role;
  return ROLES.includes(key) ? ROLE_LABELS[key] : role;
}
