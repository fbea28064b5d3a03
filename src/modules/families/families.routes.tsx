import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { type ChildId, parseId } from '../../shared/ids.ts';
import { BirthForm, FamilyForm, parentNext } from './families.schemas.ts';
import {
  completeBirthData,
  familyFormValues,
  getFamilyPage,
  getUnbornChild,
  saveFamilyFile,
} from './families.service.ts';
import { BirthPage, FamilyFilePage } from './families.views.tsx';

type ChildParams = { Params: { childId: string } };

/** The family file (parents, address, household, consent) and "my child is born". */
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

  app.get<ChildParams>(
    '/parent/children/:childId/birth',
    { config: { action: 'parent.family.read' } },
    async (request, reply) => {
      const childId = parseId<ChildId>(request.params.childId);
      if (!childId) throw new NotFoundError();
      const { child } = await getUnbornChild(deps, requireUser(request.user), childId);
      if (child.birthDate) return reply.redirect('/parent/family', 303);
      return sendPage(
        reply,
        <BirthPage ctx={pageContext(request, reply, deps)} child={child} form={emptyForm} />,
      );
    },
  );

  app.post<ChildParams>(
    '/parent/children/:childId/birth',
    { config: { action: 'parent.family.update' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const childId = parseId<ChildId>(request.params.childId);
      if (!childId) throw new NotFoundError();
      const parsed = parseForm(BirthForm, request.body);
      const result = parsed.ok ? await completeBirthData(deps, user, childId, parsed.value) : undefined;
      if (result?.ok)
        return reply.redirect(result.value ? `/parent/requests/${result.value}` : '/parent', 303);
      const { child } = await getUnbornChild(deps, user, childId);
      const form = parsed.ok
        ? failedForm(request.body, result?.ok === false ? result.errors : {})
        : parsed.form;
      return sendPage(
        reply,
        <BirthPage ctx={pageContext(request, reply, deps)} child={child} form={form} />,
        400,
      );
    },
  );
}
