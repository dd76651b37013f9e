// What each role may do, as plancheck.domain.Role says; the pages only hide what the server would refuse anyway.
const ACTIONS = {
  admin: ['read', 'plan', 'close', 'report', 'review', 'audit', 'administer'],
  planner: ['read', 'plan', 'close'],
  evaluator: ['read', 'report'],
  reviewer: ['read', 'review', 'close', 'audit'],
  viewer: ['read'],
};

/** Whether the user (null: anonymous, before accounts) may do action anywhere. */
export function may(user, action) {
  if (!user) {
    return true;
  }
  return user.roles.some((g) => (ACTIONS[g.role] || []).includes(action));
}

/**
 * Whether the user may do action on something of district: a role allowing it whose scope is that district or one
 * above it (parentOf: district id → parent id), or an admin.
 */
export function mayIn(user, action, district, parentOf) {
  if (!user) {
    return true;
  }
  return user.roles.some((g) => {
    if (!(ACTIONS[g.role] || []).includes(action)) {
      return false;
    }
    if (g.role === 'admin') {
      return true;
    }
    for (let d = district; d; d = parentOf[d]) {
      if (d === g.scope) {
        return true;
      }
    }
    return false;
  });
}
