import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { ErrorKey } from '../../platform/i18n/common.ts';
import { addDays, addMonths, type LocalDate } from '../../shared/dates.ts';
import { parsePeriod } from '../../shared/period.ts';
import { locationInScope } from '../provider-locations/index.ts';
import * as q from './provider-reports.queries.ts';

type Query = Record<string, string | string[] | undefined>;

/** The last twelve months up to and including today. */
export function defaultPeriod(today: LocalDate): q.Period {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

export type Figures = Awaited<ReturnType<typeof figures>>;

/** Every figure of the report: a handful of GROUP BY statements, whatever the size of the list. */
async function figures(deps: AppDeps, locationId: string, period: q.Period, firstAnswerDays: number) {
  const scope = { locationId, period };
  const [received, answers, offers, response, byMonth, byAge] = await Promise.all([
    q.receivedByRankAndChannel(deps.db, scope),
    q.answersByKind(deps.db, scope),
    q.offersByStatus(deps.db, scope),
    q.responseTimes(deps.db, scope, firstAnswerDays),
    q.waitingByStartMonth(deps.db, locationId),
    q.waitingByAgeGroup(deps.db, locationId),
  ]);
  return { received, answers, offers, response, byMonth, byAge };
}

/**
 * A location's report for a period. Only counts leave the database (no child is named), so the
 * read needs no audit row; the scope check is the same as the waiting list's.
 */
export async function getReport(deps: AppDeps, user: CurrentUser, locationId: string, query: Query) {
  await locationInScope(deps, user, 'provider.reports.read', locationId);
  const location = await q.getLocation(deps.db, locationId);
  if (!location) throw new NotFoundError('location');
  const today = deps.clock.today();
  // The period in the URL; what is left out falls back to the last twelve months. Wrong dates are
  // reported per field and no figures are computed.
  const { period, values, errors: periodErrors } = parsePeriod(query, defaultPeriod(today));
  const errors: Record<string, ErrorKey> = periodErrors;
  const ok = Object.keys(errors).length === 0;
  return {
    location,
    period,
    values,
    errors,
    today,
    figures: ok ? await figures(deps, locationId, period, location.firstAnswerDays) : undefined,
  };
}

export type Report = Awaited<ReturnType<typeof getReport>>;
