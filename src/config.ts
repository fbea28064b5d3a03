import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, parsed and validated once. The process refuses to start on bad config; in
 * production every secret must be configured explicitly.
 */
const hexKey = z.string().regex(/^[0-9a-f]{64}$/i, 'must be 32 bytes written as 64 hexadecimal characters');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A PostgreSQL server; without it the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  NATIONAL_NUMBER_ENCRYPTION_KEY: hexKey.optional(),
  NATIONAL_NUMBER_HASH_KEY: hexKey.optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Loket Kinderopvang <noreply@kinderopvang.example>'),
  /** Fill an empty database with the demo region on start (default: on for the embedded database). */
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  /**
   * The development mailbox at /dev/mail, which shows every mail (with its one-time links) to
   * anyone who can reach it. auto: only without SMTP_URL on a loopback address (see devMailboxEnabled).
   */
  DEV_MAILBOX: z.enum(['on', 'off', 'auto']).default('auto'),
  /** Set when TLS is terminated by a proxy in front of the app: cookies become Secure and __Host-. */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  /**
   * The reverse proxies (load balancers) in front of the app, by address or CIDR, comma-separated
   * (e.g. `127.0.0.1` or `10.0.0.0/8,::1`): only from them is `X-Forwarded-For` believed for the
   * client's address (rate limits, audit). `false`: none.
   */
  TRUST_PROXY: z.string().default('false'),
  /**
   * On SIGTERM the readiness check answers 503 at once; the app keeps serving for this many seconds
   * (so the load balancer notices and stops sending), then finishes the requests under way and stops.
   */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(300).default(0),
  /** How long a shared cache (a proxy) may keep an anonymous public page, in seconds. */
  PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS: z.enum(['true', 'false']).default('true'),
  /** Map tiles for the public site's maps, e.g. https://tile.example/{z}/{x}/{y}.png; none: markers only. */
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/, 'must be an http(s) URL with {z}, {x} and {y}')
    .optional(),
  /** The tile provider's required credit, shown on the map, e.g. "© OpenStreetMap contributors". */
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  /** The slug of the municipality whose desk leads the region: its logo and colour brand the public site. */
  LEAD_MUNICIPALITY: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'must be a municipality slug, e.g. leuven')
    .optional(),
  /**
   * Years a closed family file is kept before it is pseudonymised (the childcare decree's term is
   * 5 years after the last request closed).
   */
  RETENTION_YEARS: z.coerce.number().int().min(1).max(30).default(5),
  /**
   * required: staff without a second factor enrol before anything else (ADR 0020); optional: only
   * those who enrolled give a code. Default: required, but optional when NODE_ENV=test.
   */
  STAFF_SECOND_FACTOR: z.enum(['required', 'optional']).optional(),
});

export type Secrets = {
  sessionSecret: string;
  nationalNumberEncryptionKey: Buffer;
  nationalNumberHashKey: Buffer;
};

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  secrets: Secrets;
  smtpUrl: string | undefined;
  mailFrom: string;
  demoData: boolean;
  /** Whether /dev/mail exists; decided once by devMailboxEnabled. */
  devMailbox: boolean;
  secureCookies: boolean;
  /** The proxies whose `X-Forwarded-For` is believed (see TRUST_PROXY); empty: none. */
  trustProxy: string[];
  logLevel: string;
  /** The shared cache's max-age of anonymous public pages (PUBLIC_CACHE_SECONDS). */
  publicCacheSeconds: number;
  /** Seconds between "not ready" and closing on SIGTERM (SHUTDOWN_DRAIN_SECONDS). */
  shutdownDrainSeconds: number;
  jobs: boolean;
  /** Tile URL template for maps; undefined: maps show markers on a plain background. */
  mapTileUrl: string | undefined;
  mapTileAttribution: string | undefined;
  /** Slug of the lead desk's municipality (public site branding); undefined: see the branding ADR. */
  leadMunicipality: string | undefined;
  /** Years after its last request closed that a family file is pseudonymised. */
  retentionYears: number;
  /** Whether staff without a second factor must enrol one at log-in (ADR 0020). */
  staffSecondFactorRequired: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const secrets = resolveSecrets(e, production);
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`;
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  const demoData = e.DEMO_DATA ? e.DEMO_DATA === 'true' : !e.DATABASE_URL && !production;
  if (production && (demoData || e.DEV_MAILBOX === 'on')) {
    const on = [demoData && 'DEMO_DATA=true', e.DEV_MAILBOX === 'on' && 'DEV_MAILBOX=on'].filter(Boolean);
    throw new ConfigError(
      `In production ${on.join(' and ')} must not be set: the demo data has well-known passwords and ` +
        'the development mailbox shows every mail, with its password-reset links, to anyone.',
    );
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl,
    secrets,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demoData,
    devMailbox: devMailboxEnabled({
      setting: e.DEV_MAILBOX,
      production,
      smtpUrl: e.SMTP_URL,
      host: e.HOST,
      publicUrl: e.PUBLIC_URL,
      trustProxy: trustProxy.length > 0,
    }),
    secureCookies: e.SECURE_COOKIES ? e.SECURE_COOKIES === 'true' : publicUrl.startsWith('https:'),
    trustProxy,
    logLevel: e.LOG_LEVEL,
    shutdownDrainSeconds: e.SHUTDOWN_DRAIN_SECONDS,
    publicCacheSeconds: e.PUBLIC_CACHE_SECONDS,
    jobs: e.JOBS === 'true',
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    leadMunicipality: e.LEAD_MUNICIPALITY,
    retentionYears: e.RETENTION_YEARS,
    staffSecondFactorRequired:
      (e.STAFF_SECOND_FACTOR ?? (e.NODE_ENV === 'test' ? 'optional' : 'required')) === 'required',
  };
}

/**
 * TRUST_PROXY as a list of addresses and CIDR ranges. `true` (believe anyone's `X-Forwarded-For`)
 * is refused: any client could then pick the address its log-in attempts are counted under.
 */
export function parseTrustProxy(raw: string): string[] {
  const value = raw.trim();
  if (value === '' || value === 'false') return [];
  if (value === 'true') {
    throw new ConfigError(
      'Invalid configuration: TRUST_PROXY=true would believe the client address any caller writes in ' +
        'X-Forwarded-For. Name the proxies in front of the app instead, e.g. TRUST_PROXY=127.0.0.1 or ' +
        'TRUST_PROXY=10.0.0.0/8.',
    );
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length > 0) {
    throw new ConfigError(
      `Invalid configuration: TRUST_PROXY must list IP addresses or CIDR ranges, separated by commas; ` +
        `not '${bad.join("', '")}'.`,
    );
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : 0;
  if (family === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Whether the development mailbox exists. `on` and `off` say so (`on` is refused in production);
 * `auto` turns it on only for a local demo: not production, no SMTP server, listening on a
 * loopback address, and nothing saying that others reach the app (a public URL elsewhere, or a
 * proxy in front of it).
 */
export function devMailboxEnabled(o: {
  setting: 'on' | 'off' | 'auto';
  production: boolean;
  smtpUrl: string | undefined;
  host: string;
  /** PUBLIC_URL when set explicitly. */
  publicUrl: string | undefined;
  trustProxy: boolean;
}): boolean {
  if (o.setting !== 'auto') return o.setting === 'on';
  const publicHostLocal = !o.publicUrl || isLoopbackHost(new URL(o.publicUrl).hostname);
  return !o.production && !o.smtpUrl && !o.trustProxy && isLoopbackHost(o.host) && publicHostLocal;
}

/** 'localhost', 127.0.0.0/8 and ::1 (also written [::1], 0:0:…:1 or ::ffff:127.x.y.z); not 0.0.0.0 or ::. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIPv4(h)) return h.startsWith('127.');
  if (!isIPv6(h)) return false;
  // The URL parser writes an IPv6 address in its shortest form, IPv4-mapped ones in hex (7f = 127).
  const canonical = new URL(`http://[${h}]/`).hostname;
  return canonical === '[::1]' || canonical.startsWith('[::ffff:7f');
}

/** What start-up should warn about: a development set-up that other machines can reach. */
export function startupWarnings(config: Pick<Config, 'env' | 'host'>): string[] {
  if (config.env === 'production' || isLoopbackHost(config.host)) return [];
  return [
    `Warning: listening on ${config.host}, which other machines can reach, without NODE_ENV=production. ` +
      'This is a development set-up (local secrets, possibly demo accounts with a known password). ' +
      'Set NODE_ENV=production with real secrets for anything but a local demo, or HOST=localhost.',
  ];
}

function resolveSecrets(e: z.infer<typeof EnvSchema>, production: boolean): Secrets {
  const given = {
    sessionSecret: e.SESSION_SECRET,
    nationalNumberEncryptionKey: e.NATIONAL_NUMBER_ENCRYPTION_KEY,
    nationalNumberHashKey: e.NATIONAL_NUMBER_HASH_KEY,
  };
  const missing = Object.entries(given)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length > 0 && production) {
    throw new ConfigError(
      'In production SESSION_SECRET, NATIONAL_NUMBER_ENCRYPTION_KEY and NATIONAL_NUMBER_HASH_KEY must be set.',
    );
  }
  // Outside production, missing secrets come from (and are created in) DATA_DIR/secrets.json, so a
  // newcomer needs no set-up and the encrypted national numbers stay readable across restarts.
  const local = missing.length > 0 ? localSecrets(path.resolve(e.DATA_DIR)) : undefined;
  const pick = (k: keyof typeof given) => given[k] ?? local?.[k] ?? '';
  return {
    sessionSecret: pick('sessionSecret'),
    nationalNumberEncryptionKey: Buffer.from(pick('nationalNumberEncryptionKey'), 'hex'),
    nationalNumberHashKey: Buffer.from(pick('nationalNumberHashKey'), 'hex'),
  };
}

type LocalSecrets = {
  sessionSecret: string;
  nationalNumberEncryptionKey: string;
  nationalNumberHashKey: string;
};

function localSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    sessionSecret: randomBytes(32).toString('hex'),
    nationalNumberEncryptionKey: randomBytes(32).toString('hex'),
    nationalNumberHashKey: randomBytes(32).toString('hex'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
