import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { ErrorKey } from '../../platform/i18n/common.ts';
import { compareDates, type LocalDate, localDate, parseLocalDate } from '../../shared/dates.ts';
import { getRuleSetValidOn } from '../priority-rules/index.ts';
import { getFlows } from './policy-figures.flows.service.ts';
import * as q from './policy-figures.queries.ts';

type Query = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/**
 * The default days after the desired start before a request without a place counts as unanswered;
 * each desk sets its own (`municipalities.unanswered_grace_days`, the desk settings), which the
 * figures use and print.
 */
export const UNANSWERED_GRACE_DAYS = 30;

/** The calendar year so far: the yearly registration's period. */
export function defaultPeriod(today: LocalDate): q.Period {
  return { from: localDate(`${today.slice(0, 4)}-01-01`), to: today };
}

/** The period in the URL (`from`, `to`, both included); wrong dates are reported per field. */
export function parsePeriod(query: Query, today: LocalDate) {
  const fallback = defaultPeriod(today);
  const raw = { from: first(query.from), to: first(query.to) };
  const errors: Record<string, ErrorKey> = {};
  const from = raw.from ? parseLocalDate(raw.from) : fallback.from;
  const to = raw.to ? parseLocalDate(raw.to) : fallback.to;
  if (!from) errors.from = 'invalidDate';
  if (!to) errors.to = 'invalidDate';
  if (from && to && compareDates(to, from) < 0) errors.to = 'endBeforeStart';
  const period = { from: from ?? fallback.from, to: to ?? fallback.to };
  return { period, values: { from: raw.from || period.from, to: raw.to || period.to }, errors };
}

/**
 * The municipalities whose figures the user may see: a desk or policy grant on a municipality, or
 * a policy grant on a region (every municipality of it).
 */
export function scopeOf(user: CurrentUser) {
  const grants = user.grants.filter((g) => g.role === 'policy' || g.role === 'desk');
  return {
    municipalityIds: grants.flatMap((g) => (g.municipalityId ? [g.municipalityId] : [])),
    regionIds: grants.flatMap((g) => (g.role === 'policy' && g.regionId ? [g.regionId] : [])),
  };
}

/**
 * A municipality's figures for a period. Only counts leave the database and no child is named, so
 * the read needs no audit row; a municipality outside the user's scope answers 404, as one that
 * does not exist.
 */
export async function getFigures(deps: AppDeps, user: CurrentUser, query: Query) {
  const scope = scopeOf(user);
  const [municipalities, regions] = await Promise.all([
    q.municipalitiesInScope(deps.db, scope),
    q.regionsByIds(deps.db, scope.regionIds),
  ]);
  const asked = first(query.municipality);
  // A region's policy user sees the region as a whole by default (`region:<id>`), or one municipality.
  const region = asked
    ? regions.find((r) => asked === `region:${r.id}`)
    : regions.length > 0
      ? regions[0]
      : undefined;
  const counted = region
    ? municipalities.filter((m) => m.regionId === region.id)
    : municipalities.filter((m) => m.id === (asked || municipalities[0]?.id));
  const municipality = region
    ? { id: `region:${region.id}`, name: region.name, unansweredGraceDays: 0, regionId: region.id }
    : counted[0];
  if (!municipality || counted.length === 0) throw new NotFoundError('municipality');
  const today = deps.clock.today();
  const { period, values, errors } = parsePeriod(query, today);
  const ok = Object.keys(errors).length === 0;
  // Priority is judged by the set valid on the period's last day (not after today).
  const judgedOn = compareDates(period.to, today) > 0 ? today : period.to;
  const [ruleSet, subMunicipalities] = await Promise.all([
    getRuleSetValidOn(deps.db, judgedOn),
    Promise.all(counted.map((m) => q.subMunicipalitiesOf(deps.db, m.id))).then((lists) => lists.flat()),
  ]);
  const groups = ok
    ? await q.childGroups(deps.db, {
        municipalityIds: counted.map((m) => m.id),
        period,
        today,
        rules: ruleSet,
        // A region counts each child once, as figures 5–9 do.
        oncePerChild: region !== undefined,
      })
    : undefined;
  const flows = ok
    ? await getFlows(deps.db, { municipalityIds: counted.map((m) => m.id), period, today })
    : undefined;
  return {
    municipality,
    municipalities,
    regions,
    /** The municipalities counted: the one chosen, or every one of the region. */
    counted,
    region,
    period,
    values: { ...values, municipality: municipality.id },
    errors,
    ruleSet,
    subMunicipalities,
    groups,
    flows,
  };
}

export type Figures = Awaited<ReturnType<typeof getFigures>>;
