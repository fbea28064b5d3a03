/** The demo accounts: one per role, all with the same published password. */
import type { Random } from './demo.random.ts';
import type { RoleGrantRow, UserRow } from './demo.rows.ts';
import { DAY } from './demo.time.ts';

type Role = RoleGrantRow['role'];

export type DemoLogin = { role: Role; email: string; description: string };

/** Shown on the demo's login page; never use the demo data on a public server with real people. */
export const DEMO_PASSWORD = 'demo-2026';
/**
 * The second factor of every demo staff account (ADR 0020), published like the password: add it
 * to an authenticator app, or compute the code (README, "Demo"). Base32, 20 bytes.
 */
export const DEMO_TOTP_SECRET = 'DEMODEMODEMODEMODEMODEMODEMODEMO';

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    role: 'parent',
    email: 'ouder@demo.example',
    description: 'Ouder met een dossier in Leuven, nog zonder opvangvraag',
  },
  {
    role: 'parent',
    email: 'parent.en@demo.example',
    description: 'English-speaking parent with one active request, three preferences and a pending offer',
  },
  { role: 'intermediary', email: 'toeleider@demo.example', description: 'Toeleider bij OCMW Leuven' },
  {
    role: 'provider_staff',
    email: 'kdv@demo.example',
    description: 'Medewerker van Kinderdagverblijf De Speelvogel',
  },
  {
    role: 'provider_admin',
    email: 'kdv.admin@demo.example',
    description: 'Directeur van Kinderdagverblijf De Speelvogel (wachtlijst met ±1.500 open aanvragen)',
  },
  {
    role: 'provider_staff',
    email: 'onthaalouder@demo.example',
    description: 'Onthaalouder Marleen Peeters in Kessel-Lo',
  },
  { role: 'desk', email: 'loket@demo.example', description: 'Medewerker van het Loket Kinderopvang Leuven' },
  {
    role: 'policy',
    email: 'beleid@demo.example',
    description: 'Beleidsmedewerker van de stad Leuven (enkel cijfers)',
  },
  { role: 'platform_admin', email: 'admin@demo.example', description: 'Beheerder van het platform' },
];

export type DemoAccounts = {
  ouder: string;
  parentEn: string;
  toeleider: string;
  kdv: string;
  kdvAdmin: string;
  onthaalouder: string;
  loket: string;
  beleid: string;
  admin: string;
};

type Scope = { leuvenId: string; ocmwLeuvenId: string; speelvogelId: string; childminderId: string };

export function demoAccounts(
  r: Random,
  passwordHash: string,
  now: number,
  scope: Scope,
  /** The demo TOTP secret, sealed: staff accounts are enrolled with it; undefined: none are. */
  totpSecretCipher?: string,
): { accounts: DemoAccounts; users: UserRow[]; grants: RoleGrantRow[] } {
  const users: UserRow[] = [];
  const grants: RoleGrantRow[] = [];
  const add = (
    email: string,
    displayName: string,
    grant: Omit<RoleGrantRow, 'id' | 'userId' | 'createdAt'>,
    language: 'nl' | 'fr' | 'en' = 'nl',
  ): string => {
    const id = r.uuid();
    const createdAt = new Date(now - r.int(20, 400) * DAY);
    const factor =
      totpSecretCipher && grant.role !== 'parent' ? { totpSecretCipher, totpEnrolledAt: createdAt } : {};
    users.push({
      id,
      email,
      passwordHash,
      displayName,
      language,
      emailVerifiedAt: createdAt,
      createdAt,
      ...factor,
    });
    grants.push({ id: r.uuid(), userId: id, createdAt, ...grant });
    return id;
  };
  const accounts: DemoAccounts = {
    ouder: add('ouder@demo.example', 'Lotte Vermeulen', { role: 'parent' }),
    parentEn: add('parent.en@demo.example', 'Emily Carter', { role: 'parent' }, 'en'),
    toeleider: add('toeleider@demo.example', 'Nadia El Amrani', {
      role: 'intermediary',
      intermediaryOrganisationId: scope.ocmwLeuvenId,
    }),
    kdv: add('kdv@demo.example', 'Sarah De Smet', {
      role: 'provider_staff',
      providerLocationId: scope.speelvogelId,
    }),
    kdvAdmin: add('kdv.admin@demo.example', 'Koen Wouters', {
      role: 'provider_admin',
      providerLocationId: scope.speelvogelId,
    }),
    onthaalouder: add('onthaalouder@demo.example', 'Marleen Peeters', {
      role: 'provider_staff',
      providerLocationId: scope.childminderId,
    }),
    loket: add('loket@demo.example', 'Inge Maes', { role: 'desk', municipalityId: scope.leuvenId }),
    beleid: add('beleid@demo.example', 'Tom Verhoeven', { role: 'policy', municipalityId: scope.leuvenId }),
    admin: add('admin@demo.example', 'Platformbeheer', { role: 'platform_admin' }),
  };
  return { accounts, users, grants };
}
