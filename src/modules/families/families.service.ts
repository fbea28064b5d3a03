import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { parseNationalNumber } from '../../shared/national-number.ts';
import * as q from './families.queries.ts';
import { FAMILY_FACTS, type FamilyInput, priorityFactColumns } from './families.schemas.ts';
import { normalisePhone } from './phone.ts';

/** Who a parent's change is recorded as. */
export const parentActor = (user: CurrentUser) => ({ actorUserId: user.id, actorRole: 'parent' as const });

/** The family file of the logged-in parent; 404 when there is none yet. */
export async function requireFamily(deps: AppDeps, user: CurrentUser) {
  const own = await q.getFamilyOfUser(deps.db, user.id);
  if (!own) throw new NotFoundError('family');
  return own;
}

/** The family file page: the file (if any), its parents and children, and the address choices. */
export async function getFamilyPage(deps: AppDeps, user: CurrentUser) {
  const own = await q.getFamilyOfUser(deps.db, user.id);
  const [municipalities, subMunicipalities] = await Promise.all([
    q.getActiveMunicipalities(deps.db),
    q.getSubMunicipalities(deps.db),
  ]);
  if (!own) return { family: undefined, parents: [], children: [], municipalities, subMunicipalities };
  const [parents, children] = await Promise.all([
    q.getParentsOfFamily(deps.db, own.family.id),
    q.getChildrenOfFamily(deps.db, own.family.id),
  ]);
  await recordAudit(deps.db, deps.clock, {
    ...parentActor(user),
    action: 'parent.family.read',
    subjectType: 'family',
    subjectId: own.family.id,
    familyId: own.family.id,
  });
  return { family: own.family, parents, children, municipalities, subMunicipalities };
}

export type FamilyPage = Awaited<ReturnType<typeof getFamilyPage>>;

/** Form values of a saved file (national numbers are never shown again, only that one is known). */
export function familyFormValues(page: FamilyPage, user: CurrentUser): Record<string, string | string[]> {
  const { family, parents } = page;
  const [p1, p2] = [parents[0], parents[1]];
  const parentValues = (n: 1 | 2, p: (typeof parents)[number] | undefined) =>
    p
      ? {
          [`parent${n}FirstName`]: p.firstName,
          [`parent${n}LastName`]: p.lastName,
          [`parent${n}Phone`]: p.phone ?? '',
          [`parent${n}Language`]: p.language,
          [`parent${n}Situation`]: p.situation ?? '',
          [`parent${n}DaysPerWeek`]: p.daysPerWeek ? String(Number(p.daysPerWeek)) : '',
          ...(n === 2 ? { parent2Email: p.email ?? '' } : {}),
        }
      : {};
  if (!family) return { parent1Language: user.language, parent2Language: user.language };
  return {
    ...parentValues(1, p1),
    ...parentValues(2, p2),
    ...(p2 ? {} : { parent2Language: p1?.language ?? user.language }),
    street: family.street ?? '',
    houseNumber: family.houseNumber ?? '',
    postcode: family.postcode ?? '',
    city: family.city ?? '',
    municipalityId: family.municipalityId,
    subMunicipalityId: family.subMunicipalityId ?? '',
    facts: FAMILY_FACTS.filter((f) => family[f]),
    yearlyIncome: family.yearlyIncome === null ? '' : String(family.yearlyIncome),
    homeLanguage: family.homeLanguage ?? '',
    consent: family.consentAt ? 'yes' : '',
  };
}

function protectNumber(deps: AppDeps, input: string | undefined, field: string, errors: Errors) {
  if (!input) return undefined;
  const parsed = parseNationalNumber(input);
  if (!parsed.ok) {
    errors[field] = 'invalidNationalNumber';
    return undefined;
  }
  return deps.vault.protect(parsed.value);
}

/** A phone number checked (libphonenumber) and formatted as it is stored and shown. */
function checkPhone(input: string | undefined, field: string, errors: Errors) {
  if (!input) return undefined;
  const phone = normalisePhone(input);
  if (!phone) errors[field] = 'phoneNotValid';
  return phone;
}

const days = (v: string | undefined) => (v ? String(Number(v.replace(',', '.'))) : null);

/** The parent fields of a family file, as the parent's own form and the staff's form send them. */
export type ParentsInput = Pick<
  FamilyInput,
  | 'parent1FirstName'
  | 'parent1LastName'
  | 'parent1NationalNumber'
  | 'parent1Phone'
  | 'parent1Language'
  | 'parent1Situation'
  | 'parent1DaysPerWeek'
  | 'parent2FirstName'
  | 'parent2LastName'
  | 'parent2NationalNumber'
  | 'parent2Email'
  | 'parent2Phone'
  | 'parent2Language'
  | 'parent2Situation'
  | 'parent2DaysPerWeek'
>;

/**
 * One or two parents: a second parent once any of its name, e-mail or national number is given
 * (then both names are required); each national number is checked and kept only as the vault's
 * cipher and keyed hash. Returns the columns of each parent (without e-mail, user and position).
 */
export function checkParents(deps: AppDeps, input: ParentsInput, errors: Errors) {
  const hasSecond = Boolean(
    input.parent2FirstName || input.parent2LastName || input.parent2Email || input.parent2NationalNumber,
  );
  if (hasSecond && !input.parent2FirstName) errors.parent2FirstName = 'required';
  if (hasSecond && !input.parent2LastName) errors.parent2LastName = 'required';
  const number1 = protectNumber(deps, input.parent1NationalNumber, 'parent1NationalNumber', errors);
  const number2 = protectNumber(deps, input.parent2NationalNumber, 'parent2NationalNumber', errors);
  const phone1 = checkPhone(input.parent1Phone, 'parent1Phone', errors);
  const phone2 = checkPhone(input.parent2Phone, 'parent2Phone', errors);
  const parent = (n: 1 | 2) => {
    const number = n === 1 ? number1 : number2;
    return {
      firstName: (n === 1 ? input.parent1FirstName : input.parent2FirstName) ?? '',
      lastName: (n === 1 ? input.parent1LastName : input.parent2LastName) ?? '',
      phone: (n === 1 ? phone1 : phone2) ?? null,
      language: n === 1 ? input.parent1Language : input.parent2Language,
      situation: (n === 1 ? input.parent1Situation : input.parent2Situation) ?? null,
      daysPerWeek: days(n === 1 ? input.parent1DaysPerWeek : input.parent2DaysPerWeek),
      ...(number ? { nationalNumberCipher: number.cipher, nationalNumberHash: number.hash } : {}),
    };
  };
  return { hasSecond, parent };
}

/**
 * The address's sub-municipality: one of the chosen municipality's; with `required`, it must be
 * given when the municipality has any.
 */
export async function checkSubMunicipality(
  db: Database,
  municipalityId: string,
  subMunicipalityId: string | undefined,
  errors: Errors,
  options: { required?: boolean } = {},
) {
  const sub = subMunicipalityId ? await q.getSubMunicipality(db, subMunicipalityId) : undefined;
  if (subMunicipalityId && !sub) errors.subMunicipalityId = 'invalidChoice';
  else if (sub && sub.municipalityId !== municipalityId)
    errors.subMunicipalityId = 'subMunicipalityElsewhere';
  else if (!subMunicipalityId && options.required) {
    const all = await q.getSubMunicipalities(db);
    if (all.some((x) => x.municipalityId === municipalityId)) errors.subMunicipalityId = 'required';
  }
  return sub;
}

/**
 * Creates or updates the parent's family file: one or two parents, the address, the household
 * facts used for priority, and consent (its date is kept from the first time it was given).
 */
export async function saveFamilyFile(
  deps: AppDeps,
  user: CurrentUser,
  input: FamilyInput,
): Promise<Result<string>> {
  const { db, clock } = deps;
  const errors: Errors = {};
  const own = await q.getFamilyOfUser(db, user.id);
  const municipality = await q.getMunicipality(db, input.municipalityId);
  if (!municipality?.active) errors.municipalityId = 'invalidChoice';
  const sub = await checkSubMunicipality(db, input.municipalityId, input.subMunicipalityId, errors);
  const { hasSecond, parent } = checkParents(deps, input, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const now = clock.now();
  // Saving the form gives the priority facts again: their date is now.
  const facts = priorityFactColumns(input, now);
  const familyValues = {
    municipalityId: input.municipalityId,
    subMunicipalityId: sub?.id ?? null,
    street: input.street || null,
    houseNumber: input.houseNumber || null,
    postcode: input.postcode || null,
    city: input.city || null,
    homeLanguage: input.homeLanguage || null,
    ...facts,
  };
  const familyId = await db.transaction(async (tx) => {
    let id: string;
    if (!own) {
      const created = await q.insertFamilyFile(tx, {
        ...familyValues,
        consentAt: now,
        createdByUserId: user.id,
      });
      id = created.id;
      await q.insertParent(tx, {
        familyId: id,
        userId: user.id,
        email: user.email,
        position: 1,
        ...parent(1),
      });
    } else {
      id = own.family.id;
      await q.updateFamilyFile(tx, id, { ...familyValues, consentAt: own.family.consentAt ?? now });
      await q.updateParent(tx, own.parent.id, parent(1));
    }
    const others = (await q.getParentsOfFamily(tx, id)).filter((p) => p.userId !== user.id);
    const second = others[0];
    if (hasSecond) {
      const values = { ...parent(2), email: input.parent2Email || null };
      if (second) await q.updateParent(tx, second.id, second.userId ? parent(2) : values);
      else await q.insertParent(tx, { familyId: id, position: 2, ...values });
    } else if (second) await q.deleteParentWithoutAccount(tx, second.id);
    await recordAudit(tx, clock, {
      ...parentActor(user),
      action: 'parent.family.update',
      subjectType: 'family',
      subjectId: id,
      familyId: id,
    });
    return id;
  });
  return { ok: true, value: familyId };
}
