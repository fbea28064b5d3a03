import { roleEnum } from '../db/schema/enums.ts';

/**
 * The action catalogue: every route names exactly one of these, and nothing else grants access.
 * `roles` says who may attempt the action at all; `scope` says which records the check narrows
 * to (done in the service with the target id, and in SQL for lists).
 */
export const ROLES = roleEnum.enumValues;
export type Role = (typeof ROLES)[number];

type Audience = 'public' | 'authenticated' | readonly Role[];
export type Scope = 'none' | 'family' | 'location' | 'municipality' | 'intermediary';
/**
 * `sharedCache`: the answer to an anonymous visitor holds nothing personal, so a shared cache may
 * keep it (the route sets its own Cache-Control). Every other answer is `no-store` (platform/http).
 */
/**
 * `staffReadsFamilies`: this action's pages show staff families' personal data, so each page view
 * writes an audit row naming whose (`familyId`, or `details.families` for a list); a test walks the
 * app as each staff role and fails on such a page that writes none. (Changes are audited by the
 * service that makes them, in the same transaction.)
 */
type ActionRule = { roles: Audience; scope: Scope; sharedCache?: true; staffReadsFamilies?: true };

const PROVIDER = ['provider_staff', 'provider_admin'] as const;

export const ACTIONS = {
  // Anyone
  'public.page': { roles: 'public', scope: 'none', sharedCache: true },
  'public.asset': { roles: 'public', scope: 'none', sharedCache: true },
  'public.language': { roles: 'public', scope: 'none' },
  'public.health': { roles: 'public', scope: 'none' },
  'auth.login': { roles: 'public', scope: 'none' },
  'auth.register': { roles: 'public', scope: 'none' },
  'auth.email.verify': { roles: 'public', scope: 'none' },
  'auth.password.reset': { roles: 'public', scope: 'none' },
  'dev.mailbox': { roles: 'public', scope: 'none' },
  /**
   * The second step of a log-in (ADR 0020): the code, or enrolling a factor. Public like the
   * log-in; the page itself needs a session whose step is pending, and such a session may reach
   * nothing but these two, log-out and the assets (see PENDING_STEP_ACTIONS).
   */
  'auth.secondFactor.code': { roles: 'public', scope: 'none' },
  'auth.secondFactor.enrol': { roles: 'public', scope: 'none' },
  /** An invitation link: the page itself checks that the right account answers. */
  'staff.invitation.respond': { roles: 'public', scope: 'none' },
  // Any logged-in user
  'auth.logout': { roles: 'authenticated', scope: 'none' },
  'account.home': { roles: 'authenticated', scope: 'none' },
  'account.manage': { roles: 'authenticated', scope: 'none' },
  /** Enrolling a second factor from the account page (parents opt in; ADR 0020). */
  'account.secondFactor': { roles: 'authenticated', scope: 'none' },
  // Parents: their own family file only
  'parent.home': { roles: ['parent'], scope: 'family' },
  'parent.request.create': { roles: ['parent'], scope: 'family' },
  'parent.request.read': { roles: ['parent'], scope: 'family' },
  'parent.offer.answer': { roles: ['parent'], scope: 'family' },
  'parent.family.read': { roles: ['parent'], scope: 'family' },
  'parent.family.update': { roles: ['parent'], scope: 'family' },
  'parent.request.update': { roles: ['parent'], scope: 'family' },
  'parent.request.withdraw': { roles: ['parent'], scope: 'family' },
  'parent.request.confirm': { roles: ['parent'], scope: 'family' },
  'parent.data.export': { roles: ['parent'], scope: 'family' },
  'parent.account.delete': { roles: ['parent'], scope: 'family' },
  // Provider staff: requests that name one of their locations
  'provider.home': { roles: PROVIDER, scope: 'location' },
  'provider.waitingList.read': { roles: PROVIDER, scope: 'location', staffReadsFamilies: true },
  'provider.request.read': { roles: PROVIDER, scope: 'location', staffReadsFamilies: true },
  'provider.preference.handle': { roles: PROVIDER, scope: 'location' },
  'provider.request.annotate': { roles: PROVIDER, scope: 'location' },
  'provider.waitingList.export': { roles: PROVIDER, scope: 'location', staffReadsFamilies: true },
  'provider.waitingList.configure': { roles: PROVIDER, scope: 'location' },
  'provider.settings.edit': { roles: PROVIDER, scope: 'location' },
  'provider.reports.read': { roles: PROVIDER, scope: 'location' },
  // Provider staff: the location's public profile, photos and last-minute places
  'provider.profile.edit': { roles: PROVIDER, scope: 'location' },
  'provider.lastMinute.manage': { roles: PROVIDER, scope: 'location' },
  // Organisation admin: staff accounts and which locations each may handle
  'provider.organisation.manage': { roles: ['provider_admin'], scope: 'location' },
  // Provider staff: the emergency list of the municipality of any location they work at
  'provider.emergencyList.read': { roles: PROVIDER, scope: 'municipality', staffReadsFamilies: true },
  'provider.emergencyList.offer': { roles: PROVIDER, scope: 'municipality', staffReadsFamilies: true },
  // Intermediaries: the families their organisation follows (families.intermediary_organisation_id)
  'intermediary.home': { roles: ['intermediary'], scope: 'intermediary', staffReadsFamilies: true },
  'intermediary.family.create': { roles: ['intermediary'], scope: 'intermediary' },
  'intermediary.family.read': { roles: ['intermediary'], scope: 'intermediary', staffReadsFamilies: true },
  'intermediary.family.handOver': {
    roles: ['intermediary'],
    scope: 'intermediary',
    staffReadsFamilies: true,
  },
  'intermediary.offer.answer': { roles: ['intermediary'], scope: 'intermediary' },
  'intermediary.tasks.read': { roles: ['intermediary'], scope: 'intermediary', staffReadsFamilies: true },
  'intermediary.tasks.done': { roles: ['intermediary'], scope: 'intermediary' },
  'intermediary.request.act': { roles: ['intermediary'], scope: 'intermediary' },
  /** File a request for a family the organisation follows (the parent's wizard, channel `intermediary`). */
  'intermediary.request.file': {
    roles: ['intermediary'],
    scope: 'intermediary',
    staffReadsFamilies: true,
  },
  // Desk staff (loket): every family file of their municipality
  'desk.today': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  'desk.search': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  'desk.family.read': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  'desk.nationalNumber.reveal': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  'desk.family.note': { roles: ['desk'], scope: 'municipality' },
  /** The family's priority facts (ticks, yearly income): the form, and recording them dated now. */
  'desk.family.facts': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  'desk.family.facts.update': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  'desk.tasks.done': { roles: ['desk'], scope: 'municipality' },
  /** Register a new family by phone: a blank form, no one's data read. */
  'desk.family.register': { roles: ['desk'], scope: 'municipality' },
  /** File a request for a family (the parent's wizard, channel `desk`). */
  'desk.request.file': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  /** Change, confirm or withdraw a request, add birth data, answer an offer, for the family. */
  'desk.request.act': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  /** Social emergency flag, contact log, putting a request forward to providers. */
  'desk.emergency.manage': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  'desk.duplicates.read': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  'desk.duplicates.merge': { roles: ['desk'], scope: 'municipality', staffReadsFamilies: true },
  // ── Platform admin (region operator) ─────────────────────────────────────────────────────────
  // Kept in one block for merging. Scope 'none': a deployment serves one region and the operator
  // sees its whole audit log, outbox and job queues; no family pages (file numbers only).
  'admin.home': { roles: ['platform_admin'], scope: 'none' },
  /** The audit log, filtered; each view is itself audited, naming the filters. */
  'admin.audit.read': { roles: ['platform_admin'], scope: 'none' },
  'admin.audit.export': { roles: ['platform_admin'], scope: 'none' },
  /** The outbox's counts and undelivered mails (never a body), and putting a failed mail back. */
  'admin.outbox.read': { roles: ['platform_admin'], scope: 'none' },
  'admin.outbox.retry': { roles: ['platform_admin'], scope: 'none' },
  'admin.jobs.read': { roles: ['platform_admin'], scope: 'none' },
  /** The priority rule sets (ADR 0018): no family's data; a save counts open requests, names none. */
  'admin.priorityRules.read': { roles: ['platform_admin'], scope: 'none' },
  /** Add a rule set or correct one with a new version, after a preview of what changes. */
  'admin.priorityRules.manage': { roles: ['platform_admin'], scope: 'none' },
  /** Resetting a staff member's second factor: they enrol again at their next log-in. */
  'admin.secondFactor.reset': { roles: ['platform_admin'], scope: 'none' },
  /** Regions and municipalities, and each municipality's desk and policy staff (names, no family's data). */
  'admin.municipalities.read': { roles: ['platform_admin'], scope: 'none' },
  /** Create a region or a municipality, invite or remove its desk and policy staff, move it to another region. */
  'admin.municipalities.manage': { roles: ['platform_admin'], scope: 'none' },
  /** Finding a staff account by e-mail address (name, roles, whether it is active). */
  'admin.accounts.read': { roles: ['platform_admin'], scope: 'none' },
  /** Deactivating a staff account (its sessions end, log-in refused) and reactivating it. */
  'admin.accounts.manage': { roles: ['platform_admin'], scope: 'none' },
  // ── end platform admin ───────────────────────────────────────────────────────────────────────
  /** The municipality's own settings (rules, desk contact, look, children 0–3): no family's data. */
  'desk.settings.read': { roles: ['desk'], scope: 'municipality' },
  'desk.settings.edit': { roles: ['desk'], scope: 'municipality' },
  // ── Desk: intermediary organisations (desk-organisations) ───────────────────────────────────
  /** The municipality's intermediary organisations, their staff and open invitations: no family's data. */
  'desk.organisations.read': { roles: ['desk'], scope: 'municipality' },
  /** Create an organisation, invite its staff, withdraw an invitation, remove a staff member. */
  'desk.organisations.manage': { roles: ['desk'], scope: 'municipality' },
  // ── end desk organisations ──────────────────────────────────────────────────────────────────
  // ── Desk: provider organisations and their locations (desk-providers) ─────────────────────────
  /** The municipality's provider organisations, their locations and staff: no family's data. */
  'desk.providers.read': { roles: ['desk'], scope: 'municipality' },
  /** Create an organisation or a location, invite staff, switch modules, (re)activate a location. */
  'desk.providers.manage': { roles: ['desk'], scope: 'municipality' },
  /**
   * Import a location's existing waiting list (CSV/XLSX): upload, mapping, preview, confirmation,
   * the import's record. The preview names the files of children already known (audited).
   */
  'desk.waitingListImport.manage': { roles: ['desk'], scope: 'municipality' },
  // ── end desk providers ──────────────────────────────────────────────────────────────────────
  // ── desk content (news) ──────────────────────────────────────────────────────────────────────
  /** The municipality's news items for the public site: no family's data. */
  'desk.content.read': { roles: ['desk'], scope: 'municipality' },
  'desk.content.manage': { roles: ['desk'], scope: 'municipality' },
  /** Figures for local policy: counts only, small counts suppressed; no family's data. */
  'figures.read': { roles: ['desk', 'policy'], scope: 'municipality' },
  /** The births per year the demand forecast starts from: the desk enters or imports them (audited). */
  'figures.births.read': { roles: ['desk'], scope: 'municipality' },
  'figures.births.edit': { roles: ['desk'], scope: 'municipality' },
  // ── end desk content ─────────────────────────────────────────────────────────────────────────
  // A parent (or someone about to become one) takes over a file an intermediary handed over
  'family.takeOver.view': { roles: 'public', scope: 'none' },
  'family.takeOver': { roles: 'authenticated', scope: 'none' },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;

export function staffReadsFamilies(action: Action): boolean {
  return 'staffReadsFamilies' in ACTIONS[action];
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(ACTIONS, value);
}

/**
 * Whether the answer may be kept by a shared cache: a public page for an anonymous visitor (for a
 * logged-in user the header shows their name), or a public asset for anyone.
 */
export function mayBeSharedCached(action: Action, user: CurrentUser | undefined): boolean {
  const rule: ActionRule = ACTIONS[action];
  return rule.sharedCache === true && (!user || action === 'public.asset');
}

export type Grant = {
  role: Role;
  regionId: string | null;
  municipalityId: string | null;
  providerLocationId: string | null;
  intermediaryOrganisationId: string | null;
};

export type CurrentUser = {
  id: string;
  email: string;
  displayName: string;
  language: 'nl' | 'fr' | 'en';
  /**
   * Whether the account's e-mail address was confirmed through a mailed link (always set for a
   * session's user; optional so that hand-built users in tests need not say).
   */
  emailVerified?: boolean;
  grants: Grant[];
};

/** Whether the user (or an anonymous visitor) may attempt the action at all. */
export function mayAttempt(user: CurrentUser | undefined, action: Action): boolean {
  const rule: ActionRule = ACTIONS[action];
  if (rule.roles === 'public') return true;
  if (!user) return false;
  if (rule.roles === 'authenticated') return true;
  const roles = rule.roles;
  return user.grants.some((g) => roles.includes(g.role));
}

/** The provider locations in which the user may perform a location-scoped action. */
export function locationsFor(user: CurrentUser, action: Action): string[] {
  const rule: ActionRule = ACTIONS[action];
  if (rule.scope !== 'location' || !Array.isArray(rule.roles)) return [];
  const roles = rule.roles as readonly Role[];
  return user.grants
    .filter((g) => roles.includes(g.role) && g.providerLocationId)
    .map((g) => g.providerLocationId as string);
}

/**
 * For a municipality-scoped action of provider staff (the emergency list): the locations they work
 * at; each brings the municipality of that location into scope (resolved in SQL by the caller).
 */
export function providerLocationsReaching(user: CurrentUser, action: Action): string[] {
  const rule: ActionRule = ACTIONS[action];
  if (rule.scope !== 'municipality' || !Array.isArray(rule.roles)) return [];
  const roles = rule.roles as readonly Role[];
  return user.grants
    .filter((g) => roles.includes(g.role) && g.providerLocationId)
    .map((g) => g.providerLocationId as string);
}

/** For a municipality-scoped action of desk staff: the municipalities their grants name. */
export function municipalitiesFor(user: CurrentUser, action: Action): string[] {
  const rule: ActionRule = ACTIONS[action];
  if (rule.scope !== 'municipality' || !Array.isArray(rule.roles)) return [];
  const roles: readonly Role[] = (rule.roles as readonly Role[]).filter(
    (r) => r === 'desk' || r === 'policy',
  );
  return user.grants
    .filter((g) => roles.includes(g.role) && g.municipalityId)
    .map((g) => g.municipalityId as string);
}

/** What a session whose second step is still due may reach: that step, log-out and the assets. */
export const PENDING_STEP_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'auth.secondFactor.code',
  'auth.secondFactor.enrol',
  'auth.logout',
  'public.asset',
]);

/** Staff: any role but parent. Staff log in with a second factor (ADR 0020). */
export function isStaff(grants: readonly Pick<Grant, 'role'>[]): boolean {
  return grants.some((g) => g.role !== 'parent');
}

export function hasRole(user: CurrentUser | undefined, role: Role): boolean {
  return Boolean(user?.grants.some((g) => g.role === role));
}

/** Where a user lands after logging in. */
export function homePathFor(user: CurrentUser): string {
  if (hasRole(user, 'parent')) return '/parent';
  if (hasRole(user, 'provider_staff') || hasRole(user, 'provider_admin')) return '/provider';
  if (hasRole(user, 'intermediary')) return '/intermediary';
  if (hasRole(user, 'desk')) return '/desk';
  if (hasRole(user, 'platform_admin')) return '/admin';
  if (hasRole(user, 'policy')) return '/figures';
  return '/account';
}
