/**
 * The request wizard: child → type and dates → care plan → preferences → summary. Its state is a
 * draft in `request_drafts` (the raw values of each step, so back and forward never lose input);
 * each step is validated when the parent goes forward, and everything again before submitting.
 * A new child is kept in the draft too and added to the family file only when the request is filed
 * (an abandoned wizard leaves no child behind); its national number only as the vault's cipher and
 * keyed hash, never as typed.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { type FormBody, parseForm } from '../../platform/http/forms.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { parseLocalDate } from '../../shared/dates.ts';
import {
  getChildrenOfFamily,
  getFamilyOfUser,
  getMunicipality,
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

const stepUrl = (step: Step, query = '') => `/parent/requests/new/${step}${query}`;
const FAMILY_FIRST = '/parent/family';

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

async function familyContext(deps: AppDeps, user: CurrentUser) {
  const own = await getFamilyOfUser(deps.db, user.id);
  if (!own) return undefined;
  const municipality = await getMunicipality(deps.db, own.family.municipalityId);
  if (!municipality) throw new Error('family without municipality');
  return { family: own.family, municipality };
}

async function draftOf(deps: AppDeps, user: CurrentUser, familyId: string) {
  const existing = await getWizardDraft(deps.db, user.id);
  if (existing) return existing;
  return insertDraft(deps.db, {
    userId: user.id,
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
  user: CurrentUser,
  preference: string | undefined,
): Promise<string> {
  const ctx = await familyContext(deps, user);
  if (!ctx) {
    const back = `/parent/requests/new${preference ? `?preference=${encodeURIComponent(preference)}` : ''}`;
    return `${FAMILY_FIRST}?next=${encodeURIComponent(back)}`;
  }
  const draft = await draftOf(deps, user, ctx.family.id);
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
  return stepUrl(isStep(draft.step) ? draft.step : 'child');
}

export async function discardDraft(deps: AppDeps, user: CurrentUser): Promise<void> {
  const draft = await getWizardDraft(deps.db, user.id);
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
  user: CurrentUser,
  step: Step,
): Promise<StepPage | { redirect: string }> {
  const ctx = await familyContext(deps, user);
  if (!ctx) return { redirect: `${FAMILY_FIRST}?next=${encodeURIComponent('/parent/requests/new')}` };
  const draft = await draftOf(deps, user, ctx.family.id);
  const data = draft.data as DraftData;
  const child = await chosenChild(deps, ctx.family.id, data);
  if (step !== 'child' && !child) return { redirect: stepUrl('child') };
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
  user: CurrentUser,
  step: Step,
  body: FormBody,
  filterQuery: string,
): Promise<Outcome> {
  const page = await getStep(deps, user, step);
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
    return { redirect: stepUrl(step, filterQuery) };
  }

  if (nav === 'back') {
    if (step === 'when' || step === 'plan')
      await saveDraft(deps, draftId, { ...data, [step]: keep(body) }, previous[step]);
    return { redirect: stepUrl(previous[step]) };
  }

  const errors: Errors = {};
  if (step === 'child') {
    const found: { existingRequestId?: string } = {};
    const chosen = await checkChildStep(deps, family.id, body, errors, found, data.newChild);
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
    const oldest = await oldestAcceptedAgeMonths(deps.db);
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
  return { redirect: stepUrl(following[step]) };
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
  const child = await checkNewChild(deps, familyId, parsed.value, errors);
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
  const oldest = await oldestAcceptedAgeMonths(deps.db);
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
  user: CurrentUser,
  submissionKey: string | undefined,
): Promise<Result<string> | { step: Step; form: FormState; page: StepPage }> {
  if (submissionKey) {
    const done = await getRequestIdBySubmissionKey(deps.db, submissionKey);
    if (done) return { ok: true, value: done };
  }
  const page = await getStep(deps, user, 'summary');
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
          ...parentActor(user),
          action: 'parent.request.create',
          subjectType: 'family',
          subjectId: page.family.id,
          familyId: page.family.id,
          details: { childAdded: childId },
        });
      }
      const id = await insertRequest(tx, deps, user, {
        family: page.family,
        child,
        values: { ...checked.values, childId },
        submissionKey: page.draftId,
      });
      await deleteDraft(tx, page.draftId);
      return id;
    }),
  );
  return result.ok ? result : { ok: false, errors: { form: 'notAllowedNow' } };
}

/** The chosen locations with their names, in the parent's order. */
export async function locationsInOrder(deps: AppDeps, ids: string[]) {
  const rows = await getLocationSummaries(deps.db, ids);
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}
