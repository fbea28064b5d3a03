/** The rows the generator collects for one batch before writing them in bulk. */
import type {
  children,
  families,
  offers,
  parents,
  preferences,
  requests,
  roleGrants,
  statusEvents,
  users,
} from '../../platform/db/schema/index.ts';

export type UserRow = typeof users.$inferInsert;
export type RoleGrantRow = typeof roleGrants.$inferInsert;
export type FamilyRow = typeof families.$inferInsert;
export type ParentRow = typeof parents.$inferInsert;
export type ChildRow = typeof children.$inferInsert;
export type RequestRow = typeof requests.$inferInsert;
export type PreferenceRow = typeof preferences.$inferInsert;
export type OfferRow = typeof offers.$inferInsert;
export type StatusEventRow = typeof statusEvents.$inferInsert;

export type Rows = {
  users: UserRow[];
  roleGrants: RoleGrantRow[];
  families: FamilyRow[];
  parents: ParentRow[];
  children: ChildRow[];
  requests: RequestRow[];
  preferences: PreferenceRow[];
  offers: OfferRow[];
  statusEvents: StatusEventRow[];
};

export function emptyRows(): Rows {
  return {
    users: [],
    roleGrants: [],
    families: [],
    parents: [],
    children: [],
    requests: [],
    preferences: [],
    offers: [],
    statusEvents: [],
  };
}

export function rowCount(rows: Rows): number {
  return Object.values(rows).reduce((n, list: unknown[]) => n + list.length, 0);
}
