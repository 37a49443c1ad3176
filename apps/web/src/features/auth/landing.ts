import type { MeDto } from '@passerelle/domain';

/**
 * Where a person lands after signing in: coordinators and admins on the programme; members on the
 * city they work in (the first where they edit or hold a stake, else their only city); people who
 * observe several cities on the programme, where every city is one click away.
 */
export function landingPath(me: Pick<MeDto, 'role' | 'memberships'>): string {
  if (me.role === 'admin' || me.role === 'coordinator') return '/';
  const working = me.memberships.find((m) => m.role === 'editor' || m.role === 'stakeholder');
  if (working) return `/cities/${working.citySlug}`;
  if (me.memberships.length === 1) return `/cities/${me.memberships[0].citySlug}`;
  return '/';
}

/** The city a person calls their own, for the "My city" link; null for coordinators and multi-city observers. */
export function homeCitySlug(me: Pick<MeDto, 'role' | 'memberships'>): string | null {
  const path = landingPath(me);
  return path.startsWith('/cities/') ? path.slice('/cities/'.length) : null;
}
