/**
 * The request wizard: child → type and dates → care plan → preferences → summary. Its state is a
 * draft in `request_drafts` (the raw values of each step, so back and forward never lose input);
 * each step is validated when the parent goes forward, and everything again before submitting.
 * A new child is kept in the draft too and added to the family file only when the request is filed
 * (an abandoned wizard leaves no child behind); its national number only as the vault's cipher and
 * keyed hash, never as typed.
 *
 * The same steps serve staff filing for a family (the desk, an intermediary): a `Filer` says who
 * files, for which family (resolved by the staff route's scope check) and where the pages are. A
 * staff member keeps one draft per family; the request gets the staff's channel, and its history
 * and audit name the staff member who acted for the family.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { Action, CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { type FormBody, parseForm } from '../../platform/http/forms.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { parseLocalDate } from '../../shared/dates.ts';
import {
  getChildrenOfFamily,
  getFamilyOfUser,
  getMunicipality,
  getParentsOfFamily,
  insertChild,
  parentActor,
} from '../families/index.ts';
import {
  applyPreferenceOp,
  CarePlanForm,
  ChildChoiceForm,
  checkCarePlan,
  checkNewChild,
  checkPreferences,
  checkWhen,
  deleteDraft,
  fileWithGuarantees,
  getLocationSummaries,
  getRequestIdBySubmissionKey,
  getWizardDraft,
  insertDraft,
  insertRequest,
  isFarAhead,
  NewChildForm,
  oldestAcceptedAgeMonths,
  parsePreferenceOp,
  type RequestValues,
  schoolEntryDate,
  updateDraft,
  WhenForm,
} from '../requests/index.ts';
import { getStaffWizardDraft } from './wizard.queries.ts';

export const STEPS = ['child', 'when', 'plan', 'preferences', 'summary'] as const;
export type Step = (typeof STEPS)[number];
export const isStep = (s: string): s is Step => (STEPS as readonly string[]).includes(s);

type Raw = Record<string, string | string[]>;
/** A new child checked at step 1, waiting in the draft until the request is filed. */
export type DraftChild = {
  firstName: string | null;
  lastName: string;
  birthDate: string | null;
  expectedBirthDate: string | null;
  nationalNumberCipher: string | null;
  nationalNumberHash: string | null;
};
export type DraftData = {
  child?: Raw;
  newChild?: DraftChild;
  when?: Raw;
  plan?: Raw;
  preferences?: string[];
};
/** The child a draft is for: one of the family's, or the new one (id `new`) not stored yet. */
export type WizardChild = {
  id: string;
  firstName: string | null;
  lastName: string;
  birthDate: string | null;
  expectedBirthDate: string | null;
};
const NEW_CHILD = 'new';

export type Outcome = { redirect: string } | { invalid: FormState; existingRequestId?: string };

/** Staff filing for a family: the family their scope check resolved, their role and action. */
export type StaffFiling = {
  family: { id: string; fileNumber: string; municipalityId: string };
  /** Also the request's channel. */
  role: 'desk' | 'intermediary';
  action: Action;
};

/** Who files through the wizard, for which family, and where its pages are. */
export type Filer = {
  user: CurrentUser;
  /** The wizard's address, e.g. `/parent/requests/new` or `/desk/families/<id>/requests/new`. */
  base: string;
  /** Staff filing for a family; absent when the parent files for their own. */
  staff?: StaffFiling | undefined;
};

const stepUrl = (who: Filer, step: Step, query = '') => `${who.base}/${step}${query}`;
const FAMILY_FIRST = '/parent/family';

/** The actor of the history and audit rows: the parent, or the staff member acting for the family. */
const actorOf = (who: Filer) =>
  who.staff ? { actorUserId: who.user.id, actorRole: who.staff.role } : parentActor(who.user);

/** Raw form values worth keeping in a draft: strings and string lists, never a national number. */
function keep(body: FormBody): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined || k === 'nav' || k === 'op' || k === 'nationalNumber' || k === 'submissionKey')
      continue;
    out[k] = v;
  }
  return out;
}

async function familyContext(deps: AppDeps, who: Filer) {
  const family = who.staff ? who.staff.family : (await getFamilyOfUser(deps.db, who.user.id))?.family;
  if (!family) return undefined;
  const municipality = await getMunicipality(deps.db, family.municipalityId);
  if (!municipality) throw new Error('family without municipality');
  return {
    family: { id: family.id, fileNumber: family.fileNumber, municipalityId: family.municipalityId },
    municipality,
  };
}

/** The filer's draft: the parent's one, or this staff member's for this family. */
function findDraft(deps: AppDeps, who: Filer) {
  return who.staff
    ? getStaffWizardDraft(deps.db, who.user.id, who.staff.family.id, STEPS)
    : getWizardDraft(deps.db, who.user.id);
}

async function draftOf(deps: AppDeps, who: Filer, familyId: string) {
  const existing = await findDraft(deps, who);
  if (existing) return existing;
  return insertDraft(deps.db, {
    userId: who.user.id,
    familyId,
    data: {},
    step: 'child',
    updatedAt: deps.clock.now(),
  });
}

async function saveDraft(deps: AppDeps, draftId: string, data: DraftData, step: Step) {
  await updateDraft(deps.db, draftId, { data, step, updatedAt: deps.clock.now() });
}

/**
 * Starts or resumes the wizard. `preference` (from a provider's public profile) is added to the
 * draft's choices when it is an active location of the family's region and there is room.
 */
export async function startWizard(
  deps: AppDeps,
  who: Filer,
  preference: string | undefined,
): Promise<string> {
  const ctx = await familyContext(deps, who);
  if (!ctx) {
    const back = `${who.base}${preference ? `?preference=${encodeURIComponent(preference)}` : ''}`;
    return `${FAMILY_FIRST}?next=${encodeURIComponent(back)}`;
  }
  const draft = await draftOf(deps, who, ctx.family.id);
  const data = draft.data as DraftData;
  if (preference) {
    const list = data.preferences ?? [];
    const [location] = await getLocationSummaries(deps.db, [preference]);
    const fits = location?.active && location.regionId === ctx.municipality.regionId;
    const added = fits
      ? applyPreferenceOp(list, { kind: 'add', key: preference }, ctx.municipality.maxPreferences)
      : undefined;
    if (added?.ok) await saveDraft(deps, draft.id, { ...data, preferences: added.list }, draft.step as Step);
  }
  return stepUrl(who, isStep(draft.step) ? draft.step : 'child');
}

export async function discardDraft(deps: AppDeps, who: Filer): Promise<void> {
  const draft = await findDraft(deps, who);
  if (draft) await deleteDraft(deps.db, draft.id);
}

/**
 * The child chosen in step 1: the new child kept in the draft, or one of the family's children
 * still without an open request.
 */
async function chosenChild(
  deps: AppDeps,
  familyId: string,
  data: DraftData,
): Promise<WizardChild | undefined> {
  const id = typeof data.child?.childId === 'string' ? data.child.childId : undefined;
  if (id === NEW_CHILD && data.newChild) return { ...data.newChild, id: NEW_CHILD };
  if (!id || id === NEW_CHILD) return undefined;
  const children = await getChildrenOfFamily(deps.db, familyId);
  const child = children.find((c) => c.id === id);
  return child && !child.openRequestId ? child : undefined;
}

/** Everything a step's page shows. Steps after the first need a chosen child (else: back to step 1). */
export async function getStep(
  deps: AppDeps,
  who: Filer,
  step: Step,
): Promise<StepPage | { redirect: string }> {
  const ctx = await familyContext(deps, who);
  if (!ctx) return { redirect: `${FAMILY_FIRST}?next=${encodeURIComponent(who.base)}` };
  const draft = await draftOf(deps, who, ctx.family.id);
  const data = draft.data as DraftData;
  const child = await chosenChild(deps, ctx.family.id, data);
  if (step !== 'child' && !child) return { redirect: stepUrl(who, 'child') };
  if (draft.step !== step) await saveDraft(deps, draft.id, data, step);
  return buildStep(deps, ctx, draft.id, data, step, child);
}

async function buildStep(
  deps: AppDeps,
  ctx: NonNullable<Awaited<ReturnType<typeof familyContext>>>,
  draftId: string,
  data: DraftData,
  step: Step,
  child: Awaited<ReturnType<typeof chosenChild>>,
) {
  const children = await getChildrenOfFamily(deps.db, ctx.family.id);
  const birth = parseLocalDate(child?.birthDate ?? child?.expectedBirthDate ?? undefined);
  const defaultEnd = birth ? schoolEntryDate(birth) : undefined;
  const today = deps.clock.today();
  const values: Raw =
    step === 'child'
      ? (data.child ?? { childId: children.some((c) => !c.openRequestId) ? '' : 'new', childBorn: 'yes' })
      : step === 'when'
        ? (data.when ?? { kind: 'regular', desiredEnd: defaultEnd ?? '' })
        : step === 'plan'
          ? (data.plan ?? { fixed: 'fixed', careNeeds: 'no' })
          : {};
  const start = parseLocalDate(data.when?.desiredStart);
  return {
    draftId,
    family: ctx.family,
    municipality: ctx.municipality,
    data,
    children,
    child,
    values,
    defaultEnd,
    today,
    farAhead: start ? isFarAhead(start, today, ctx.municipality.maxMonthsAhead) : false,
    preferences: data.preferences ?? [],
  };
}

export type StepPage = Awaited<ReturnType<typeof buildStep>>;

const previous: Record<Step, Step> = {
  child: 'child',
  when: 'child',
  plan: 'when',
  preferences: 'plan',
  summary: 'preferences',
};
const following: Record<Step, Step> = {
  child: 'when',
  when: 'plan',
  plan: 'preferences',
  preferences: 'summary',
  summary: 'summary',
};

/**
 * A step's form was posted. "Back" keeps what was typed without checking it; "next" checks the
 * step and stays on it (400) when something is wrong. In the preference step, the buttons
 * add / up / down / remove edit the ordered list.
 */
export async function postStep(
  deps: AppDeps,
  who: Filer,
  step: Step,
  body: FormBody,
  filterQuery: string,
): Promise<Outcome> {
  const page = await getStep(deps, who, step);
  if ('redirect' in page) return page;
  const { data, draftId, family, municipality } = page;
  const nav = body.nav === 'back' ? 'back' : 'next';
  const op = parsePreferenceOp(body.op);

  if (step === 'preferences' && op) {
    const outcome = applyPreferenceOp(page.preferences, op, municipality.maxPreferences);
    if (!outcome.ok) {
      const error: Errors[string] =
        outcome.error === 'max'
          ? { key: 'tooManyPreferences', max: municipality.maxPreferences }
          : 'invalidChoice';
      return { invalid: { values: {}, errors: { preferences: error } } };
    }
    if (op.kind === 'add') {
      const errors: Errors = {};
      await checkPreferences(deps.db, [op.key], 1, municipality.regionId, errors);
      if (errors.preferences) return { invalid: { values: {}, errors } };
    }
    await saveDraft(deps, draftId, { ...data, preferences: outcome.list }, step);
    return { redirect: stepUrl(who, step, filterQuery) };
  }

  if (nav === 'back') {
    if (step === 'when' || step === 'plan')
      await saveDraft(deps, draftId, { ...data, [step]: keep(body) }, previous[step]);
    return { redirect: stepUrl(who, previous[step]) };
  }

  const errors: Errors = {};
  if (step === 'child') {
    const found: { existingRequestId?: string } = {};
    const chosen = await checkChildStep(
      deps,
      family.id,
      municipality.regionId,
      body,
      errors,
      found,
      data.newChild,
    );
    if (!chosen) return { invalid: { values: body, errors }, ...found };
    const { newChild: _dropped, ...rest } = data;
    await saveDraft(
      deps,
      draftId,
      typeof chosen === 'string'
        ? { ...rest, child: { childId: chosen } }
        : { ...rest, child: { ...keep(body), childId: NEW_CHILD }, newChild: chosen },
      'when',
    );
  } else if (step === 'when') {
    const parsed = parseForm(WhenForm, body);
    if (!parsed.ok) return { invalid: parsed.form };
    const oldest = await oldestAcceptedAgeMonths(deps.db, municipality.regionId);
    if (!checkWhen(parsed.value, requireChild(page), page.today, errors, oldest))
      return { invalid: { values: body, errors } };
    await saveDraft(deps, draftId, { ...data, when: keep(body) }, 'plan');
  } else if (step === 'plan') {
    const parsed = parseForm(CarePlanForm, body);
    if (!parsed.ok) return { invalid: parsed.form };
    if (!checkCarePlan(parsed.value, errors)) return { invalid: { values: body, errors } };
    await saveDraft(deps, draftId, { ...data, plan: keep(body) }, 'preferences');
  } else if (step === 'preferences') {
    await checkPreferences(
      deps.db,
      page.preferences,
      municipality.maxPreferences,
      municipality.regionId,
      errors,
    );
    if (Object.keys(errors).length > 0) return { invalid: { values: {}, errors } };
    await saveDraft(deps, draftId, data, 'summary');
  }
  return { redirect: stepUrl(who, following[step]) };
}

function requireChild(page: StepPage) {
  if (!page.child) throw new Error('step without a chosen child');
  return page.child;
}

/**
 * Step 1: one of the family's children without an open request (its id), or a new child checked
 * and returned to be kept in the draft (stored only when the request is filed).
 */
async function checkChildStep(
  deps: AppDeps,
  familyId: string,
  regionId: string,
  body: FormBody,
  errors: Errors,
  found: { existingRequestId?: string },
  kept: DraftChild | undefined,
): Promise<string | DraftChild | undefined> {
  const choice = parseForm(ChildChoiceForm, body);
  if (!choice.ok) {
    Object.assign(errors, choice.form.errors);
    return undefined;
  }
  if (choice.value.childId !== 'new') {
    const child = (await getChildrenOfFamily(deps.db, familyId)).find((c) => c.id === choice.value.childId);
    if (!child) errors.childId = 'invalidChoice';
    else if (child.openRequestId) {
      errors.childId = 'childHasOpenRequest';
      found.existingRequestId = child.openRequestId;
    }
    return errors.childId ? undefined : choice.value.childId;
  }
  const parsed = parseForm(NewChildForm, body);
  if (!parsed.ok) {
    Object.assign(errors, parsed.form.errors);
    return undefined;
  }
  const child = await checkNewChild(deps, familyId, parsed.value, errors, regionId);
  if (child.existingRequestId) found.existingRequestId = child.existingRequestId;
  if (Object.keys(errors).length > 0) return undefined;
  if (child.existingChildId) return child.existingChildId;
  // Back at this step, the number is not shown again: an empty field keeps the one already given,
  // as long as the birth date it was checked against is the same.
  const keepNumber =
    !parsed.value.nationalNumber && kept?.nationalNumberHash && kept.birthDate === child.birthDate;
  if (keepNumber && kept.nationalNumberCipher && kept.nationalNumberHash)
    child.nationalNumber = { cipher: kept.nationalNumberCipher, hash: kept.nationalNumberHash };
  return {
    firstName: child.firstName,
    lastName: child.lastName,
    birthDate: child.birthDate,
    expectedBirthDate: child.expectedBirthDate,
    nationalNumberCipher: child.nationalNumber?.cipher ?? null,
    nationalNumberHash: child.nationalNumber?.hash ?? null,
  };
}

export type Checked = { values: RequestValues } | { step: Step; form: FormState };

/** Checks every step of a draft again (the summary shows it; submitting needs it). */
export async function checkDraft(deps: AppDeps, page: StepPage): Promise<Checked> {
  const { data, municipality } = page;
  const child = page.child;
  if (!child) return { step: 'child', form: { values: data.child ?? {}, errors: { childId: 'required' } } };
  const when = parseForm(WhenForm, data.when ?? {});
  if (!when.ok) return { step: 'when', form: when.form };
  const errors: Errors = {};
  const oldest = await oldestAcceptedAgeMonths(deps.db, municipality.regionId);
  const whenValues = checkWhen(when.value, child, page.today, errors, oldest);
  if (!whenValues) return { step: 'when', form: { values: data.when ?? {}, errors } };
  const plan = parseForm(CarePlanForm, data.plan ?? {});
  if (!plan.ok) return { step: 'plan', form: plan.form };
  const planValues = checkCarePlan(plan.value, errors);
  if (!planValues) return { step: 'plan', form: { values: data.plan ?? {}, errors } };
  const preferences = await checkPreferences(
    deps.db,
    page.preferences,
    municipality.maxPreferences,
    municipality.regionId,
    errors,
  );
  if (!preferences) return { step: 'preferences', form: { values: {}, errors } };
  return { values: { ...whenValues, ...planValues, childId: child.id, preferences } };
}

/**
 * Submits the draft. The draft's id is the submission key: a second submit (double click, back
 * button) finds the request the first one made.
 */
export async function submitDraft(
  deps: AppDeps,
  who: Filer,
  submissionKey: string | undefined,
): Promise<Result<string> | { step: Step; form: FormState; page: StepPage }> {
  if (submissionKey) {
    const done = await getRequestIdBySubmissionKey(deps.db, submissionKey);
    if (done) return { ok: true, value: done };
  }
  const page = await getStep(deps, who, 'summary');
  if ('redirect' in page) return { ok: false, errors: { form: 'notAllowedNow' } };
  if (submissionKey !== page.draftId) return { ok: false, errors: { form: 'notAllowedNow' } };
  const checked = await checkDraft(deps, page);
  if ('step' in checked) return { ...checked, page };
  const child = page.child;
  if (!child) return { ok: false, errors: { form: 'notAllowedNow' } };
  const newChild = child.id === NEW_CHILD ? page.data.newChild : undefined;
  const result = await fileWithGuarantees(deps, page.draftId, () =>
    deps.db.transaction(async (tx) => {
      let childId = child.id;
      if (newChild) {
        // The new child joins the family file only now, with the request it is for.
        ({ id: childId } = await insertChild(tx, { familyId: page.family.id, ...newChild }));
        await recordAudit(tx, deps.clock, {
          ...actorOf(who),
          action: who.staff?.action ?? 'parent.request.create',
          subjectType: 'family',
          subjectId: page.family.id,
          familyId: page.family.id,
          details: { childAdded: childId },
        });
      }
      const staff = who.staff;
      const id = await insertRequest(tx, deps, who.user, {
        family: page.family,
        child,
        values: { ...checked.values, childId },
        submissionKey: page.draftId,
        ...(staff ? { onBehalf: { channel: staff.role, role: staff.role, action: staff.action } } : {}),
      });
      await deleteDraft(tx, page.draftId);
      return id;
    }),
  );
  return result.ok ? result : { ok: false, errors: { form: 'notAllowedNow' } };
}

/**
 * Whether the family's parents got the mail about the filed request: only parents with an e-mail
 * address do (staff are told which, and phone a family without one).
 */
export async function familyHasEmail(deps: AppDeps, familyId: string): Promise<boolean> {
  const parents = await getParentsOfFamily(deps.db, familyId);
  return parents.some((p) => Boolean(p.email));
}

/** The chosen locations with their names, in the parent's order. */
export async function locationsInOrder(deps: AppDeps, ids: string[]) {
  const rows = await getLocationSummaries(deps.db, ids);
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}
