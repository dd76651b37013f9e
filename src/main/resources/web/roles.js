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
