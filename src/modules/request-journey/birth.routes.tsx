import type { FastifyInstance } from 'fastify';

import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { type ChildId, parseId } from '../../shared/ids.ts';
import { BirthForm, completeBirthData, getUnbornChild } from '../requests/index.ts';
import { BirthPage } from './birth.views.tsx';

type ChildParams = { Params: { childId: string } };

/** "My child is born": the parent completes the birth data of a child filed as unborn. */
export function registerBirthRoutes(app: FastifyInstance, deps: AppDeps): void {
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
