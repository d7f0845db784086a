// SPEC §0. agent ⊂ supervisor ⊂ manager ⊂ director; dept_head and admin stand apart.
export const roles = ['agent', 'supervisor', 'manager', 'director', 'dept_head', 'admin'] as const;
export type Role = (typeof roles)[number];

const ladder: Role[] = ['agent', 'supervisor', 'manager', 'director'];

/** `atLeast('supervisor')` → supervisor, manager, director. */
export function atLeast(role: 'agent' | 'supervisor' | 'manager' | 'director'): Role[] {
  return ladder.slice(ladder.indexOf(role));
}

/** Who may run an operation: a list of roles (any one suffices), any staff member, or anyone. */
export type Access = readonly Role[] | 'staff' | 'public';

export function describeAccess(access: Access): string {
  if (access === 'public') return 'anyone';
  if (access === 'staff') return 'any staff member';
  return access.join(', ');
}

export const hasAnyRole = (held: readonly string[], wanted: readonly Role[]): boolean => wanted.some((r) => held.includes(r));
