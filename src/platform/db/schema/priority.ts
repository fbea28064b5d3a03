import { sql } from 'drizzle-orm';
import {
  check,
  date,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Translated } from './geography.ts';

/**
 * Priority rule sets as dated data (ADR 0018): the rules change by decree and by judgment, so the
 * product never hard-codes them. A row is one validity period of one version of a set:
 * - `code` names the set across versions (e.g. 'before-2024');
 * - a correction is a new `version` of the same code (all of its periods again), never an update
 *   in place; only a code's highest version applies;
 * - a set valid in several periods (the rules before 1 April 2024, again in force since the
 *   Constitutional Court's judgment of 30 April 2025) has one row per period, same code and version.
 * The criteria are keys of the evaluator's vocabulary (modules/priority-rules, PRIORITY_CRITERIA);
 * which of them a set knows, which give absolute priority and what makes a family vulnerable are
 * the data.
 */
export const priorityRuleSets = pgTable(
  'priority_rule_sets',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    version: smallint().notNull(),
    name: jsonb().$type<Translated>().notNull(),
    /** The legal reference(s), in words, and a link to the text. */
    sourceReference: text().notNull(),
    sourceUrl: text(),
    validFrom: date({ mode: 'string' }).notNull(),
    /** The last day of the period (inclusive); null while no end is known. */
    validUntil: date({ mode: 'string' }),
    /** Every criterion that gives priority under this set. */
    criteria: text().array().notNull(),
    /** The criteria among them that give absolute priority. */
    absoluteCriteria: text().array().notNull(),
    /** A vulnerable family has at least `vulnerableMinimum` of these characteristics… */
    vulnerableCharacteristics: text().array().notNull(),
    vulnerableMinimum: smallint().notNull(),
    /** …and at least one of these among them (empty: no such condition). */
    vulnerableRequiredAmong: text().array().notNull(),
    /** The share of children (or places) reserved for vulnerable families, in percent. */
    reservedSharePercent: smallint().notNull(),
    /** The share a provider may deviate from the rules (e.g. with advice), in percent. */
    deviationSharePercent: smallint(),
    /** Yearly amounts the set refers to, e.g. { "2025": { "incomeThreshold": 32000 } }. */
    yearlyAmounts: jsonb().$type<Record<string, Record<string, number>>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('priority_rule_sets_code_version_from_uq').on(t.code, t.version, t.validFrom),
    check('priority_rule_sets_period_ck', sql`${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}`),
    check('priority_rule_sets_absolute_ck', sql`${t.absoluteCriteria} <@ ${t.criteria}`),
    check('priority_rule_sets_version_ck', sql`${t.version} >= 1`),
  ],
);
