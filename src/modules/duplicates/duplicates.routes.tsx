import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, formValues } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { type FamilyId, parseId } from '../../shared/ids.ts';
import { messages } from './duplicates.messages.ts';
import { getComparison, listDuplicates } from './duplicates.service.ts';
import { ComparisonPage, DuplicateListPage } from './duplicates.views.tsx';
import { dismissPair, mergeFiles } from './merge.service.ts';

type PairRoute = { Params: { familyA: string; familyB: string } };
type ListRoute = { Querystring: { dismissed?: string } };

/** Two different family ids from the URL, or 404 (a malformed id is as unknown as a missing one). */
function pairOf(params: PairRoute['Params']): [string, string] {
  const a = parseId<FamilyId>(params.familyA);
  const b = parseId<FamilyId>(params.familyB);
  if (!a || !b || a === b) throw new NotFoundError('family');
  return [a, b];
}

/**
 * The desk's possible duplicate files: the list, the comparison of two files, merging them into
 * one (then the kept file's page) and "two different families".
 */
export function registerDuplicateRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<ListRoute>(
    '/desk/duplicates',
    { config: { action: 'desk.duplicates.read' } },
    async (request, reply) => {
      const list = await listDuplicates(deps, requireUser(request.user));
      const ctx = pageContext(request, reply, deps);
      return sendPage(
        reply,
        <DuplicateListPage ctx={ctx} list={list} dismissed={request.query.dismissed === '1'} />,
      );
    },
  );

  app.get<PairRoute>(
    '/desk/duplicates/:familyA/:familyB',
    { config: { action: 'desk.duplicates.read' } },
    async (request, reply) => {
      const comparison = await getComparison(deps, requireUser(request.user), pairOf(request.params));
      return sendPage(
        reply,
        <ComparisonPage ctx={pageContext(request, reply, deps)} comparison={comparison} />,
      );
    },
  );

  app.post<PairRoute>(
    '/desk/duplicates/:familyA/:familyB/merge',
    { config: { action: 'desk.duplicates.merge' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const pair = pairOf(request.params);
      const outcome = await mergeFiles(deps, user, pair, formValues(request.body));
      if (outcome.ok) return reply.redirect(`/desk/families/${outcome.keptFamilyId}?merged=1`, 303);
      const ctx = pageContext(request, reply, deps);
      if ('conflict' in outcome) {
        const t = messages[ctx.lang];
        // Say where everything went and lead there: the list no longer shows the pair.
        const kept = outcome.kept;
        const page = MessagePage({
          ctx,
          title: t.conflictTitle,
          body: kept ? t.conflictBodyKept(kept.mergedFileNumber, kept.fileNumber) : t.conflictBody,
          link: kept
            ? { href: `/desk/families/${kept.id}`, label: t.openKeptFile(kept.fileNumber) }
            : { href: '/desk/duplicates', label: t.backToList },
        });
        return sendPage(reply, page, 409);
      }
      const comparison = await getComparison(deps, user, pair);
      const form = failedForm(request.body, outcome.errors);
      return sendPage(reply, <ComparisonPage ctx={ctx} comparison={comparison} form={form} />, 400);
    },
  );

  app.post<PairRoute>(
    '/desk/duplicates/:familyA/:familyB/dismiss',
    { config: { action: 'desk.duplicates.merge' } },
    async (request, reply) => {
      await dismissPair(deps, requireUser(request.user), pairOf(request.params));
      return reply.redirect('/desk/duplicates?dismissed=1', 303);
    },
  );
}
