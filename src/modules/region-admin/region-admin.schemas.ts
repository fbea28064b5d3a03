import { z } from 'zod';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = (max: number) =>
  z.preprocess(single, z.string('required').trim().min(1, 'required').max(max, 'tooLong'));

export const RegionForm = z.object({
  code: z.preprocess(
    single,
    z
      .string('required')
      .trim()
      .min(1, 'required')
      .max(40, 'tooLong')
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'regionCodeInvalid'),
  ),
  name: text(150),
});
export type RegionInput = z.infer<typeof RegionForm>;

/** One sub-municipality line: four-digit postcode, then the name ("3010 Kessel-Lo", "3010, Kessel-Lo"). */
const LINE = /^(\d{4})[\s,;]+(\S.{0,99})$/;

/**
 * The sub-municipalities typed one per line; undefined when a line is not "postcode name", a name
 * comes twice, or there is none (families and locations choose their address from these).
 */
export function parseSubMunicipalities(raw: string): { postcode: string; name: string }[] | undefined {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const parsed: { postcode: string; name: string }[] = [];
  for (const line of lines) {
    const m = LINE.exec(line);
    if (!m) return undefined;
    parsed.push({ postcode: m[1] as string, name: (m[2] as string).trim() });
  }
  const names = new Set(parsed.map((p) => p.name.toLowerCase()));
  return parsed.length > 0 && names.size === parsed.length && parsed.length <= 50 ? parsed : undefined;
}

export const MunicipalityForm = z.object({
  nisCode: z.preprocess(
    single,
    z
      .string('required')
      .trim()
      .regex(/^\d{5}$/, 'nisCodeInvalid'),
  ),
  name: text(100),
  regionId: z.preprocess(single, z.uuid('invalidChoice')),
  subMunicipalities: z.preprocess(
    single,
    z
      .string('required')
      .max(5000, 'tooLong')
      .transform((raw, ctx) => {
        const parsed = parseSubMunicipalities(raw);
        if (!parsed) {
          ctx.addIssue({ code: 'custom', message: 'subMunicipalityLines' });
          return z.NEVER;
        }
        return parsed;
      }),
  ),
});
export type MunicipalityInput = z.infer<typeof MunicipalityForm>;

export const MUNICIPALITY_ROLES = ['desk', 'policy'] as const;
export type MunicipalityRole = (typeof MUNICIPALITY_ROLES)[number];

export const InviteForm = z.object({
  email: z.preprocess(
    single,
    z
      .string('required')
      .trim()
      .toLowerCase()
      .min(1, 'required')
      .max(254, 'tooLong')
      .pipe(z.email('invalidEmail')),
  ),
  displayName: text(100),
  language: z.preprocess(single, z.enum(['nl', 'fr', 'en'], 'invalidChoice')),
  role: z.preprocess(single, z.enum(MUNICIPALITY_ROLES, 'invalidChoice')),
});
export type InviteInput = z.infer<typeof InviteForm>;

/** The invitation to a region's policy team: the role is always policy. */
export const RegionInviteForm = InviteForm.omit({ role: true });
export type RegionInviteInput = z.infer<typeof RegionInviteForm>;

export const JoinForm = z.object({
  regionId: z.preprocess(single, z.uuid('invalidChoice')),
});
