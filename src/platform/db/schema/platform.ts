import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { languageEnum, roleEnum } from './enums.ts';

/**
 * Transactional outbox: a mail is written in the same transaction as the change that causes it
 * and sent afterwards by a job, so a failing SMTP server never loses a mail.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    toAddress: text().notNull(),
    language: languageEnum().notNull(),
    template: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** The family whose data the mail concerns (so a family's mails can be exported or erased). */
    familyId: uuid(),
    /** Erase the body once delivered: it carries a link that works like a password. */
    oneTimeLink: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    lastError: text(),
  },
  // Partial index: only mails still to send are scanned by the sender.
  (t) => [index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`)],
);

/** One row per request that reads or changes personal data: who, in which role, did what to whose data. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    actorUserId: uuid().references(() => users.id),
    actorRole: roleEnum(),
    action: text().notNull(),
    /** What kind of record, e.g. family, request, child. */
    subjectType: text().notNull(),
    subjectId: text(),
    /** Whose data: the family file concerned, when there is one. */
    familyId: uuid(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_family_idx').on(t.familyId, t.occurredAt),
    index('audit_log_actor_idx').on(t.actorUserId, t.occurredAt),
    // The platform admin's audit page (modules/platform-admin): newest first over the whole log or
    // a period, by action, and a family named in a list's or export's `details.families`.
    index('audit_log_occurred_idx').on(t.occurredAt, t.id),
    index('audit_log_action_idx').on(t.action, t.occurredAt),
    index('audit_log_details_families_idx').using('gin', sql`(${t.details} -> 'families') jsonb_path_ops`),
  ],
);

/**
 * Rate limits (log-in, registration, codes …) count here, not in a process's memory, so they hold
 * across every app process on the database. One row per route and client address in its current
 * window; the key is a hash, so no address is stored. Expired rows are purged hourly.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text().primaryKey(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    hits: integer().notNull(),
  },
  (t) => [index('rate_limit_counters_window_idx').on(t.windowStart)],
);
