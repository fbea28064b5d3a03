import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { languageEnum, roleEnum } from './enums.ts';
import { municipalities, regions } from './geography.ts';
import { intermediaryOrganisations, providerLocations, providerOrganisations } from './providers.ts';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text().notNull(),
    passwordHash: text(),
    displayName: text().notNull(),
    language: languageEnum().notNull().default('nl'),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    /** Consecutive failed log-ins; reset on success. */
    failedLogins: integer().notNull().default(0),
    /** Log-in refused until then after repeated failures. */
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * The TOTP secret of the second factor, encrypted (platform/crypto/secret-box, ADR 0020); set
     * while enrolling, in use once `totpEnrolledAt` is set. Null: no factor.
     */
    totpSecretCipher: text(),
    totpEnrolledAt: timestamp({ withTimezone: true }),
    /**
     * The last TOTP time step (unix seconds / 30) whose code was accepted: a code of that step or
     * an earlier one is refused, so a code works once (replay guard, ADR 0020).
     */
    totpLastStep: integer(),
    /** Consecutive wrong second-factor codes; reset only by a right code (not by the password). */
    failedCodes: integer().notNull().default(0),
    /** Second-factor codes refused until then after repeated wrong codes. */
    codesLockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

/** One-time recovery codes of a second factor; only a keyed hash of each is stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('recovery_codes_user_code_uq').on(t.userId, t.codeHash)],
);

/**
 * What a user may do, and where: a grant names a role and the one scope that role works in
 * (parents are scoped by their family, found through parents.user_id).
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    regionId: uuid().references(() => regions.id),
    municipalityId: uuid().references(() => municipalities.id),
    providerLocationId: uuid().references(() => providerLocations.id),
    intermediaryOrganisationId: uuid().references(() => intermediaryOrganisations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_grants_user_idx').on(t.userId),
    check(
      'role_grants_scope_ck',
      sql`(${t.role} = 'parent')
        or (${t.role} in ('provider_staff', 'provider_admin') and ${t.providerLocationId} is not null)
        or (${t.role} = 'intermediary' and ${t.intermediaryOrganisationId} is not null)
        or (${t.role} in ('desk', 'policy') and ${t.municipalityId} is not null)
        or (${t.role} = 'policy' and ${t.regionId} is not null)
        or (${t.role} = 'platform_admin')`,
    ),
  ],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /**
     * Null: a full session. 'code' or 'enrol': the password was right but the second factor is
     * still due (ADR 0020); such a session grants nothing but that step and log-out.
     */
    pendingStep: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * One-time tokens sent by mail (e-mail verification, password reset, e-mail change, taking over a
 * file filed by an intermediary). Only the SHA-256 of the token is stored.
 */
export const userTokens = pgTable(
  'user_tokens',
  {
    tokenHash: text().primaryKey(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    /** verify_email | reset_password | change_email | take_over_file */
    purpose: text().notNull(),
    /** For change_email: the new address; for take_over_file: the invited address. */
    email: text(),
    /** For take_over_file: the family file offered. */
    familyId: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId)],
);

/**
 * A registration waiting for its address to be confirmed: the account is created only when the
 * mailed link is used (with the chosen password), so the registration form answers alike whether
 * or not the address already has an account. Only the SHA-256 of the link's token is stored.
 */
export const pendingRegistrations = pgTable(
  'pending_registrations',
  {
    tokenHash: text().primaryKey(),
    /** Stored lower-cased. */
    email: text().notNull(),
    passwordHash: text().notNull(),
    displayName: text().notNull(),
    language: languageEnum().notNull(),
    /** The same-site page to return to once the account exists. */
    next: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('pending_registrations_email_idx').on(t.email)],
);

/**
 * An invitation of an account to work for an organisation: a provider organisation admin's (some of
 * the organisation's locations; `organisation_id`, `location_ids`), or the desk's for an intermediary
 * organisation of its municipality (`intermediary_organisation_id`, no locations), or the platform
 * admin's to work at a municipality's desk or in its policy team (`municipality_id`, role `desk` or
 * `policy`, no locations). Exactly one of the three is set. The grants exist only once the invited person accepts. Only the SHA-256
 * of the mailed link's token is stored.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid().references(() => providerOrganisations.id),
    intermediaryOrganisationId: uuid().references(() => intermediaryOrganisations.id),
    municipalityId: uuid().references(() => municipalities.id),
    /** A region's policy staff: the platform admin's invitation to see the whole region's figures. */
    regionId: uuid().references(() => regions.id),
    role: roleEnum().notNull(),
    locationIds: uuid().array().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    declinedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('staff_invitations_token_uq').on(t.tokenHash),
    index('staff_invitations_user_idx').on(t.userId),
    index('staff_invitations_organisation_idx').on(t.organisationId),
    index('staff_invitations_intermediary_idx').on(t.intermediaryOrganisationId),
    index('staff_invitations_municipality_idx').on(t.municipalityId),
    index('staff_invitations_region_idx').on(t.regionId),
    check(
      'staff_invitations_organisation_ck',
      sql`num_nonnulls(${t.organisationId}, ${t.intermediaryOrganisationId}, ${t.municipalityId}, ${t.regionId}) = 1`,
    ),
    check('staff_invitations_region_ck', sql`${t.regionId} is null or ${t.role} = 'policy'`),
  ],
);
