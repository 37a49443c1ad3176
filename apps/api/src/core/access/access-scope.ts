import type { Principal } from '@passerelle/domain';

/**
 * Who reads the same things: the access policy (AccessService) reads only the global role and the
 * memberships (city and role), so two people with the same ones may read, and do, exactly the same.
 * The key of the caches that share answers between such people (search, the documents list); the
 * user's id is deliberately not part of it.
 */
export const accessScopeKey = (principal: Principal): string =>
  [
    principal.role,
    ...principal.memberships
      .map((m) => `${m.cityId}:${m.role}`)
      .sort()
      .filter((m, i, all) => i === 0 || all[i - 1] !== m),
  ].join('|');
