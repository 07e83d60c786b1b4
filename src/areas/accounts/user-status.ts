/** An account's status as people see it, derived from its columns. */
export type UserStatus = 'active' | 'invited' | 'locked' | 'disabled';

export interface StatusFacts {
  disabledAt: Date | null;
  hasPassword: boolean;
  lockedUntil: Date | null;
}

export function userStatus(u: StatusFacts, now = Date.now()): UserStatus {
  if (u.disabledAt) return 'disabled';
  if (!u.hasPassword) return 'invited';
  if (u.lockedUntil && u.lockedUntil.getTime() > now) return 'locked';
  return 'active';
}

export const STATUS_TONE: Record<UserStatus, 'green' | 'blue' | 'red' | 'grey' | 'yellow'> = {
  active: 'green',
  invited: 'blue',
  locked: 'yellow',
  disabled: 'grey',
};

/** Which binding a role needs: a State, a committee, or none. */
export function roleBinding(role: string): 'state' | 'committee' | 'none' {
  if (role === 'state_preparer' || role === 'state_approver') return 'state';
  if (role === 'committee_member') return 'committee';
  return 'none';
}
