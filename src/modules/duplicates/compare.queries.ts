import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const { families, parents, children, requests } = schema;

/** Short facts of files for the list of pairs: file number, parents' and children's names. */
export async function getFileSummaries(db: Database, familyIds: string[]) {
  if (familyIds.length === 0) return new Map<string, FileSummary>();
  const [fams, pars, kids] = await Promise.all([
    db
      .select({ id: families.id, fileNumber: families.fileNumber, createdAt: families.createdAt })
      .from(families)
      .where(inArray(families.id, familyIds)),
    db
      .select({ familyId: parents.familyId, firstName: parents.firstName, lastName: parents.lastName })
      .from(parents)
      .where(inArray(parents.familyId, familyIds))
      .orderBy(asc(parents.position)),
    db
      .select({
        familyId: children.familyId,
        firstName: children.firstName,
        lastName: children.lastName,
        birthDate: children.birthDate,
        expectedBirthDate: children.expectedBirthDate,
      })
      .from(children)
      .where(and(inArray(children.familyId, familyIds), isNull(children.mergedIntoChildId)))
      .orderBy(asc(children.createdAt)),
  ]);
  const map = new Map<string, FileSummary>();
  for (const f of fams) map.set(f.id, { ...f, parents: [], children: [] });
  for (const p of pars) map.get(p.familyId)?.parents.push(p);
  for (const c of kids) map.get(c.familyId)?.children.push(c);
  return map;
}

export type FileSummary = {
  id: string;
  fileNumber: string;
  createdAt: Date;
  parents: { firstName: string; lastName: string }[];
  children: {
    firstName: string | null;
    lastName: string;
    birthDate: string | null;
    expectedBirthDate: string | null;
  }[];
};

/** Everything the comparison page shows of one file. */
export async function getFileForComparison(db: Database, familyId: string) {
  const [family] = await db.select().from(families).where(eq(families.id, familyId));
  if (!family) return undefined;
  const [pars, kids, reqs, counts] = await Promise.all([
    db
      .select({
        id: parents.id,
        firstName: parents.firstName,
        lastName: parents.lastName,
        email: parents.email,
        phone: parents.phone,
        hasNationalNumber: sql<boolean>`${parents.nationalNumberHash} is not null`,
        hasAccount: sql<boolean>`${parents.userId} is not null`,
      })
      .from(parents)
      .where(eq(parents.familyId, familyId))
      .orderBy(asc(parents.position), asc(parents.createdAt)),
    db
      .select({
        id: children.id,
        firstName: children.firstName,
        lastName: children.lastName,
        birthDate: children.birthDate,
        expectedBirthDate: children.expectedBirthDate,
        hasNationalNumber: sql<boolean>`${children.nationalNumberHash} is not null`,
      })
      .from(children)
      .where(and(eq(children.familyId, familyId), isNull(children.mergedIntoChildId)))
      .orderBy(asc(children.createdAt)),
    db
      .select({
        id: requests.id,
        childId: requests.childId,
        childFirstName: children.firstName,
        childLastName: children.lastName,
        status: requests.status,
        kind: requests.kind,
        desiredStart: requests.desiredStart,
        submittedAt: requests.submittedAt,
      })
      .from(requests)
      .innerJoin(children, eq(children.id, requests.childId))
      .where(eq(requests.familyId, familyId))
      .orderBy(asc(requests.submittedAt)),
    db.execute(sql`
      select
        (select count(*) from status_events e join requests r on r.id = e.request_id
          where r.family_id = ${familyId}::uuid)::int as events,
        (select count(*) from desk_notes where family_id = ${familyId}::uuid)::int as notes,
        (select count(*) from follow_up_tasks where family_id = ${familyId}::uuid)::int as tasks,
        (select count(*) from offers o join preferences p on p.id = o.preference_id
          join requests r on r.id = p.request_id where r.family_id = ${familyId}::uuid)::int as offers`),
  ]);
  const c = (counts as unknown as { rows: Record<string, number>[] }).rows[0] ?? {};
  return {
    family,
    parents: pars,
    children: kids,
    requests: reqs,
    counts: {
      events: Number(c.events ?? 0),
      notes: Number(c.notes ?? 0),
      tasks: Number(c.tasks ?? 0),
      offers: Number(c.offers ?? 0),
    },
  };
}

export type FileForComparison = NonNullable<Awaited<ReturnType<typeof getFileForComparison>>>;
