import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { CONFIRM_FIELD, failedForm, formValues, isConfirmed } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { parseRuleSetForm, storedValues } from './priority-rule-admin.schemas.ts';
import { getRuleSet, listRuleSets, previewSave, saveRuleSet } from './priority-rule-admin.service.ts';
import {
  correctPath,
  type Done,
  LIST_PATH,
  NEW_PATH,
  RuleSetFormPage,
  RuleSetListPage,
  RuleSetPage,
  RuleSetPreviewPage,
  setPath,
} from './priority-rule-admin.views.tsx';

type CodeRoute = { Params: { ruleSetCode: string }; Querystring: { done?: string } };

/** A set's code as the product makes them; anything else is not found (and never reaches SQL). */
const CODE = /^[a-z0-9][a-z0-9-]{0,59}$/;
function codeOf(raw: string): string {
  if (!CODE.test(raw)) throw new NotFoundError('rule set');
  return raw;
}

const doneOf = (v: string | undefined): Done | undefined =>
  v === 'added' || v === 'corrected' ? v : undefined;

/**
 * The region operator's priority rule sets: the list, one set with its earlier versions, and the
 * form to add a set or correct one. A valid form is not saved at once: the answer is a preview
 * (how many open requests change priority level, on which days) whose "Save" posts the same
 * values with the confirmation field; only that post writes, as a new version.
 */
export function registerPriorityRuleAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(LIST_PATH, { config: { action: 'admin.priorityRules.read' } }, async (request, reply) => {
    const data = await listRuleSets(deps);
    return sendPage(
      reply,
      <RuleSetListPage
        ctx={pageContext(request, reply, deps)}
        sets={data.sets}
        validTodayCode={data.validTodayCode}
      />,
    );
  });

  app.get(NEW_PATH, { config: { action: 'admin.priorityRules.manage' } }, async (request, reply) => {
    const form: FormState = { values: { vulnerableMinimum: '1', reservedSharePercent: '0' }, errors: {} };
    return sendPage(reply, <RuleSetFormPage ctx={pageContext(request, reply, deps)} form={form} />);
  });

  app.post(NEW_PATH, { config: { action: 'admin.priorityRules.manage' } }, async (request, reply) =>
    submit(deps, request, reply, undefined),
  );

  app.get<CodeRoute>(
    `${LIST_PATH}/:ruleSetCode`,
    { config: { action: 'admin.priorityRules.read' } },
    async (request, reply) => {
      const set = await getRuleSet(deps, codeOf(request.params.ruleSetCode));
      const done = doneOf(request.query.done);
      return sendPage(
        reply,
        <RuleSetPage ctx={pageContext(request, reply, deps)} {...set} {...(done ? { done } : {})} />,
      );
    },
  );

  app.get<CodeRoute>(
    `${LIST_PATH}/:ruleSetCode/correct`,
    { config: { action: 'admin.priorityRules.manage' } },
    async (request, reply) => {
      const { current } = await getRuleSet(deps, codeOf(request.params.ruleSetCode));
      const first = current.periods[0];
      if (!first) throw new NotFoundError('rule set');
      return sendPage(
        reply,
        <RuleSetFormPage
          ctx={pageContext(request, reply, deps)}
          form={{ values: storedValues(current.periods), errors: {} }}
          base={{ code: current.code, name: first.name, version: current.version }}
        />,
      );
    },
  );

  app.post<CodeRoute>(
    `${LIST_PATH}/:ruleSetCode/correct`,
    { config: { action: 'admin.priorityRules.manage' } },
    async (request, reply) => submit(deps, request, reply, codeOf(request.params.ruleSetCode)),
  );
}

/**
 * One post of the form: back to the form ("edit"), refused (400 with the messages), a preview, or
 * — with the confirmation field — the save and a redirect to the set's page.
 */
async function submit(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, code: string | undefined) {
  const ctx = pageContext(request, reply, deps);
  let base: { code: string; name: { nl: string }; version: number } | undefined;
  if (code) {
    const { current } = await getRuleSet(deps, code);
    const first = current.periods[0];
    if (!first) throw new NotFoundError('rule set');
    base = { code, name: first.name, version: current.version };
  }
  const values = formValues(request.body);
  delete values[CONFIRM_FIELD];
  const formPage = (form: FormState, status: number) =>
    sendPage(reply, <RuleSetFormPage ctx={ctx} form={form} {...(base ? { base } : {})} />, status);

  if (values.edit === 'yes') {
    delete values.edit;
    return formPage({ values, errors: {} }, 200);
  }
  const parsed = parseRuleSetForm(values);
  if (!parsed.ok) return formPage(parsed.form, 400);

  if (isConfirmed(request.body)) {
    const outcome = await saveRuleSet(deps, requireUser(request.user), parsed.value, code);
    if (!outcome.ok) return formPage(failedForm(values, outcome.errors), 400);
    return reply.redirect(`${setPath(outcome.code)}?done=${code ? 'corrected' : 'added'}`, 303);
  }
  const outcome = await previewSave(deps, parsed.value, code);
  if (!outcome.ok) return formPage(failedForm(values, outcome.errors), 400);
  const action = code ? correctPath(code) : NEW_PATH;
  return sendPage(
    reply,
    <RuleSetPreviewPage
      ctx={ctx}
      values={values}
      outcome={outcome}
      name={parsed.value.name[ctx.lang] ?? parsed.value.name.nl}
      action={action}
      cancelHref={code ? setPath(code) : LIST_PATH}
    />,
  );
}
