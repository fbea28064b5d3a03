import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { FamilyForm, parentNext } from './families.schemas.ts';
import { familyFormValues, getFamilyPage, saveFamilyFile } from './families.service.ts';
import { FamilyFilePage } from './families.views.tsx';

/** The family file: parents, address, household, consent. */
export function registerFamilyRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Querystring: { next?: string } }>(
    '/parent/family',
    { config: { action: 'parent.family.read' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const data = await getFamilyPage(deps, user);
      const form = { values: familyFormValues(data, user), errors: {} };
      const ctx = pageContext(request, reply, deps);
      const next = parentNext(request.query.next);
      return sendPage(
        reply,
        <FamilyFilePage ctx={ctx} data={data} form={form} email={user.email} next={next} />,
      );
    },
  );

  app.post('/parent/family', { config: { action: 'parent.family.update' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const parsed = parseForm(FamilyForm, request.body);
    const result = parsed.ok ? await saveFamilyFile(deps, user, parsed.value) : undefined;
    const next = parentNext(
      parsed.ok ? parsed.value.next : (request.body as { next?: unknown } | undefined)?.next,
    );
    if (result?.ok) return reply.redirect(next ?? '/parent', 303);
    const form = parsed.ok
      ? failedForm(request.body, result?.ok === false ? result.errors : {})
      : parsed.form;
    const data = await getFamilyPage(deps, user);
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <FamilyFilePage ctx={ctx} data={data} form={form} email={user.email} next={next} />,
      400,
    );
  });
}
