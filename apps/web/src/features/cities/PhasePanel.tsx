import { canOnCity, INDICATOR_ACCESS, type CityAction, type Phase } from '@passerelle/domain';
import { useMe } from '../auth/useMe';
import { CityEvents } from '../events/CityEvents';
import { CityIndicators } from '../indicators/CityIndicators';
import { CityPilotProjects } from '../pilot-projects/CityPilotProjects';
import type { City } from './types';

/** What each phase of a city's workspace shows above its documents: its exchanges, key figures, pilot projects. */
const PANELS = {
  dialogue: CityEvents,
  knowledge: CityIndicators,
  action: CityPilotProjects,
} satisfies Record<Phase, (props: { city: City }) => unknown>;

/**
 * Who sees each panel: the people of the city's workspace (its members and the coordinators). A
 * member of another city sees only what the city published; every event stays in the programme
 * calendar for all.
 */
const PANEL_ACCESS: Record<Phase, CityAction> = {
  dialogue: 'view_workspace',
  knowledge: INDICATOR_ACCESS.read,
  action: 'read_pilot_projects',
};

export function PhasePanel({ city, phase }: { city: City; phase: Phase }) {
  const me = useMe();
  if (!me.data || !canOnCity(me.data, PANEL_ACCESS[phase], city.id)) return null;
  const Panel = PANELS[phase];
  return <Panel city={city} />;
}
