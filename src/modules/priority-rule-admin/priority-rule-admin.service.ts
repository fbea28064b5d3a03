import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { compareDates, type LocalDate } from '../../shared/dates.ts';
import { slugify } from '../../shared/slug.ts';
import { getRuleSetValidOn, insertRuleSet, type YearlyAmounts } from '../priority-rules/index.ts';
import * as q from './priority-rule-admin.queries.ts';
import { INCOME_THRESHOLD, type RuleSetDraft } from './priority-rule-admin.schemas.ts';

/**
 * The region operator's rule sets (ADR 0018): the list, one set with its earlier versions, and
 * adding a set or correcting one. A save never updates a row: it writes version n+1 of the code
 * with all its periods. Before saving, a preview counts the open requests whose priority level
 * changes on the days that matter — the same writes in a transaction that is rolled back, so the
 * count uses exactly the selection of "the set valid on a day" that the lists use.
 */

export type { StoredPeriod } from './priority-rule-admin.queries.ts';

/** One version of one set: all its periods (one row each). */
export type Version = { code: string; version: number; periods: q.StoredPeriod[] };

function versionsOf(periods: q.StoredPeriod[]): Version[] {
  const out: Version[] = [];
  for (const p of periods) {
    const last = out.at(-1);
    if (last && last.code === p.code && last.version === p.version) last.periods.push(p);
    else out.push({ code: p.code, version: p.version, periods: [p] });
  }
  return out;
}

/** The newest version of every set, and the code of the set valid today (by the clock). */
export async function listRuleSets(deps: AppDeps) {
  const [periods, today] = await Promise.all([
    q.listStoredPeriods(deps.db),
    getRuleSetValidOn(deps.db, deps.clock.today()),
  ]);
  const versions = versionsOf(periods);
  const newest = versions.filter((v, i) => i === 0 || versions[i - 1]?.code !== v.code);
  // The set whose period starts first comes first (the history reads top to bottom).
  newest.sort((a, b) => compareDates(firstDay(a), firstDay(b)));
  return { sets: newest, validTodayCode: today?.code, today: deps.clock.today() };
}

const firstDay = (v: Version) => v.periods[0]?.validFrom as LocalDate;

/** One set: its newest version, its earlier ones (newest first), and whether it applies today. */
export async function getRuleSet(deps: AppDeps, code: string) {
  const [periods, today] = await Promise.all([
    q.getStoredPeriods(deps.db, code),
    getRuleSetValidOn(deps.db, deps.clock.today()),
  ]);
  const [current, ...earlier] = versionsOf(periods);
  if (!current) throw new NotFoundError('rule set');
  return { current, earlier, validToday: today?.code === code && today.version === current.version };
}

/** What a save changes on one day: the set that applies before and after, and how many requests move. */
export type DayEffect = {
  day: LocalDate;
  before: { code: string; version: number; name: string } | undefined;
  after: { code: string; version: number; name: string } | undefined;
  changes: number;
};

export type SaveOutcome =
  | { ok: true; code: string; version: number; effects: DayEffect[] }
  | { ok: false; errors: Errors };

/** A code for a new set from its Dutch name: 'regels-2027', then 'regels-2027-2' if taken. */
async function newCode(db: Database, name: string): Promise<string> {
  const stem = slugify(name, 40).replace(/-+$/, '') || 'rule-set';
  const taken = new Set(await q.codesLike(db, stem));
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

/** The yearly amounts to store: the form's income thresholds, other amounts kept from the last version. */
function yearlyAmountsOf(draft: RuleSetDraft, previous: YearlyAmounts): YearlyAmounts {
  const out: YearlyAmounts = {};
  for (const [year, amounts] of Object.entries(previous)) {
    const { [INCOME_THRESHOLD]: _dropped, ...rest } = amounts;
    if (Object.keys(rest).length > 0) out[year] = rest;
  }
  for (const [year, amount] of Object.entries(draft.incomeThresholds))
    out[year] = { ...out[year], [INCOME_THRESHOLD]: amount };
  return out;
}

/** The days on which a save matters: today, and every later day one of its periods starts. */
function daysThatMatter(draft: RuleSetDraft, today: LocalDate): LocalDate[] {
  const later = draft.periods.map((p) => p.validFrom).filter((d) => compareDates(d, today) > 0);
  return [today, ...new Set(later)].sort(compareDates);
}

const named = (set: Awaited<ReturnType<typeof getRuleSetValidOn>>) =>
  set && { code: set.code, version: set.version, name: set.name.nl };

/**
 * Writes the draft as the next version of `code` (or as a new set), measuring on each day that
 * matters which set applied before and after the write and how many open requests change level.
 * Runs inside the caller's transaction.
 */
async function writeDraft(
  tx: Database,
  deps: AppDeps,
  draft: RuleSetDraft,
  code: string | undefined,
): Promise<SaveOutcome> {
  let setCode: string;
  let version: number;
  let previous: YearlyAmounts = {};
  if (code) {
    const highest = await q.lockHighestVersion(tx, code);
    if (highest === 0) throw new NotFoundError('rule set');
    if (draft.baseVersion !== highest) return { ok: false, errors: { form: 'ruleSetChangedMeanwhile' } };
    previous = (await q.getStoredPeriods(tx, code))[0]?.yearlyAmounts ?? {};
    setCode = code;
    version = highest + 1;
  } else {
    setCode = await newCode(tx, draft.name.nl);
    version = 1;
  }
  const days = daysThatMatter(draft, deps.clock.today());
  const before = await Promise.all(days.map((day) => getRuleSetValidOn(tx, day)));
  const yearlyAmounts = yearlyAmountsOf(draft, previous);
  for (const period of draft.periods) {
    await insertRuleSet(tx, {
      code: setCode,
      version,
      name: draft.name,
      sourceReference: draft.sourceReference,
      sourceUrl: draft.sourceUrl,
      validFrom: period.validFrom,
      validUntil: period.validUntil,
      criteria: draft.criteria,
      absoluteCriteria: draft.absoluteCriteria,
      vulnerable: draft.vulnerable,
      reservedSharePercent: draft.reservedSharePercent,
      deviationSharePercent: draft.deviationSharePercent,
      yearlyAmounts,
    });
  }
  const effects: DayEffect[] = [];
  for (const [i, day] of days.entries()) {
    const was = before[i];
    const will = await getRuleSetValidOn(tx, day);
    effects.push({
      day,
      before: named(was),
      after: named(will),
      changes: await q.countLevelChanges(tx, was, will),
    });
  }
  return { ok: true, code: setCode, version, effects };
}

/** Thrown to roll the preview's transaction back with its outcome. */
class PreviewDone extends Error {
  constructor(readonly outcome: SaveOutcome) {
    super('preview');
  }
}

/** What saving the draft would do, without saving anything. */
export async function previewSave(
  deps: AppDeps,
  draft: RuleSetDraft,
  code: string | undefined,
): Promise<SaveOutcome> {
  try {
    await deps.db.transaction(async (tx) => {
      throw new PreviewDone(await writeDraft(tx, deps, draft, code));
    });
  } catch (error) {
    if (error instanceof PreviewDone) return error.outcome;
    throw error;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}

/** Saves the draft as a new set or as the next version of `code`, audited in the same transaction. */
export async function saveRuleSet(
  deps: AppDeps,
  user: CurrentUser,
  draft: RuleSetDraft,
  code: string | undefined,
): Promise<SaveOutcome> {
  return deps.db.transaction(async (tx) => {
    const outcome = await writeDraft(tx, deps, draft, code);
    if (!outcome.ok) return outcome;
    await recordAudit(tx, deps.clock, {
      actorUserId: user.id,
      actorRole: 'platform_admin',
      action: 'admin.priorityRules.manage',
      subjectType: 'priority_rule_set',
      subjectId: `${outcome.code}@${outcome.version}`,
      details: {
        change: code ? 'corrected' : 'added',
        code: outcome.code,
        version: outcome.version,
        periods: draft.periods,
        levelChanges: outcome.effects.map((e) => ({ day: e.day, changes: e.changes })),
      },
    });
    return outcome;
  });
}
