/** What the family generator carries from municipality to municipality. */
import type { PeopleContext } from './demo.people.ts';
import type { RuleSetOn } from './demo.priority.ts';
import type { LocationRef, PlacedMunicipality } from './demo.providers.ts';
import type { RequestPlan, SimulationContext } from './demo.requests.ts';
import type { Rows } from './demo.rows.ts';

type RequestStatus = RequestPlan['status'];

export type FamilyStats = {
  families: number;
  parents: number;
  children: number;
  unbornChildren: number;
  parentAccounts: number;
  /** Families with priority (level 1 or 2) under the set valid today, by the evaluator. */
  priorityFamilies: number;
  /** Families the evaluator calls vulnerable under the set valid today. */
  vulnerableFamilies: number;
  requestsByStatus: Record<RequestStatus, number>;
  emergencyList: number;
  socialEmergencies: number;
};

export function emptyFamilyStats(): FamilyStats {
  return {
    families: 0,
    parents: 0,
    children: 0,
    unbornChildren: 0,
    parentAccounts: 0,
    priorityFamilies: 0,
    vulnerableFamilies: 0,
    requestsByStatus: { active: 0, answered: 0, expired: 0, withdrawn: 0, closed: 0 },
    emergencyList: 0,
    socialEmergencies: 0,
  };
}

export type FamilyContext = PeopleContext & {
  now: number;
  years: number;
  rows: Rows;
  sim: SimulationContext;
  passwordHash: string;
  emergencyWindowDays: number;
  maxPreferences: number;
  stats: FamilyStats;
  /** The priority rule set valid on a day (priority-rules), for every judgement of priority. */
  ruleSetOn: RuleSetOn;
};

export type IntermediaryRef = { id: string; kind: string; userId: string | null };

export type MunicipalityContext = {
  m: PlacedMunicipality;
  own: readonly LocationRef[];
  /** Own locations and those of the neighbouring municipalities. */
  candidates: readonly LocationRef[];
  /**
   * Large regional centres (only at the region and Flanders scales): a family here puts each one
   * among its preferences with the given chance, so they get waiting lists of well over a thousand.
   */
  magnets?: readonly { location: LocationRef; share: number }[];
  intermediaries: readonly IntermediaryRef[];
  deskUserId: string | null;
};
