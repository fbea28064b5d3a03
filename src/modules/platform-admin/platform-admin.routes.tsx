import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, formValues, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { isUuid } from '../../platform/http/validation.ts';
import type { FormState } from '../../platform/views/forms.tsx';
import { AdminHomePage } from './admin.views.tsx';
import { AuditLogPage, auditCsv } from './audit.views.tsx';
import { JobsPage } from './jobs.views.tsx';
import { OutboxPage } from './outbox.views.tsx';
import { messages } from './platform-admin.messages.ts';
import { AuditFilterQuery } from './platform-admin.schemas.ts';
import {
  EXPORT_LIMIT,
  getAuditExport,
  getAuditPage,
  getJobsHealth,
  getOutboxOverview,
  OUTBOX_LIST_LIMIT,
  type ResolvedFilters,
  resolveFilters,
  retryMail,
} from './platform-admin.service.ts';

type OutboxRoute = { Querystring: { done?: string; mail?: string } };
type RetryRoute = { Params: { number: string } };

/** A field that failed is not sent back: a mistyped national number must not come back in the page. */
function withoutFailed(form: FormState): FormState {
  const values = { ...form.values };
  for (const name of Object.keys(form.errors)) if (name === 'file' || name === 'staff') delete values[name];
  return { values, errors: form.errors };
}

/**
 * A query value that may be a national number (ten or more digits, whatever the separators): the
 * request is sent away without it at once, so it is never echoed (the page's own links carry the
 * path and query: language switch, log-in return).
 */
function carriesNationalNumber(request: FastifyRequest): boolean {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const looksLikeOne = (x: unknown) =>
    typeof x === 'string' && !isUuid(x) && !x.includes('@') && x.replace(/\D/g, '').length >= 10;
  return Object.entries(query).some(
    ([name, v]) => name !== 'after' && (Array.isArray(v) ? v : [v]).some(looksLikeOne),
  );
}

/**
 * The filters of the audit page and its CSV: parsed, checked and resolved (file number → family,
 * e-mail → account); on bad input the page again with 400 and an error summary.
 */
async function filtersOf(
  deps: AppDeps,
  request: FastifyRequest,
): Promise<{ ok: true; filters: ResolvedFilters; form: FormState } | { ok: false; form: FormState }> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const parsed = parseForm(AuditFilterQuery, query);
  if (!parsed.ok) return { ok: false, form: withoutFailed(parsed.form) };
  const resolved = await resolveFilters(deps, parsed.value);
  if (!resolved.ok) return { ok: false, form: withoutFailed(failedForm(query, resolved.errors)) };
  const values = formValues(query);
  delete values.after;
  return { ok: true, filters: resolved.value, form: { values, errors: {} } };
}

/** The platform admin's (region operator's) pages: home, audit log (+ CSV), outbox (+ retry), job queues. */
export function registerPlatformAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin', { config: { action: 'admin.home' } }, async (request, reply) =>
    sendPage(reply, <AdminHomePage ctx={pageContext(request, reply, deps)} />),
  );

  const auditPage = (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 400) =>
    sendPage(reply, <AuditLogPage ctx={pageContext(request, reply, deps)} form={form} />, status);

  app.get('/admin/audit', { config: { action: 'admin.audit.read' } }, async (request, reply) => {
    if (carriesNationalNumber(request)) return reply.redirect('/admin/audit?refused=nn', 303);
    if ((request.query as Record<string, unknown>).refused !== undefined)
      return auditPage(request, reply, { values: {}, errors: { file: 'invalidFileNumber' } });
    const outcome = await filtersOf(deps, request);
    if (!outcome.ok) return auditPage(request, reply, outcome.form);
    const page = await getAuditPage(deps, requireUser(request.user), outcome.filters);
    return sendPage(
      reply,
      <AuditLogPage ctx={pageContext(request, reply, deps)} form={outcome.form} page={page} />,
    );
  });

  app.get('/admin/audit.csv', { config: { action: 'admin.audit.export' } }, async (request, reply) => {
    if (carriesNationalNumber(request)) return reply.redirect('/admin/audit?refused=nn', 303);
    const outcome = await filtersOf(deps, request);
    if (!outcome.ok) return auditPage(request, reply, outcome.form);
    const data = await getAuditExport(deps, requireUser(request.user), outcome.filters);
    const day = deps.clock.today();
    return reply
      .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(auditCsv(request.lang, data, EXPORT_LIMIT));
  });

  app.get<OutboxRoute>(
    '/admin/outbox',
    { config: { action: 'admin.outbox.read' } },
    async (request, reply) => {
      const t = messages[request.lang];
      const { done, mail } = request.query;
      const number = typeof mail === 'string' && /^\d{1,15}$/.test(mail) ? mail : undefined;
      const notice = !number
        ? undefined
        : done === 'queued'
          ? t.retried(number)
          : done === 'notFailed'
            ? t.notFailed(number)
            : undefined;
      const overview = await getOutboxOverview(deps);
      return sendPage(
        reply,
        <OutboxPage
          ctx={pageContext(request, reply, deps)}
          overview={overview}
          limit={OUTBOX_LIST_LIMIT}
          notice={notice}
        />,
      );
    },
  );

  app.post<RetryRoute>(
    '/admin/outbox/:number/retry',
    { config: { action: 'admin.outbox.retry' } },
    async (request, reply) => {
      const raw = request.params.number;
      if (!/^\d{1,15}$/.test(raw)) throw new NotFoundError();
      const outcome = await retryMail(deps, requireUser(request.user), Number(raw));
      if (outcome === 'missing') throw new NotFoundError();
      return reply.redirect(`/admin/outbox?done=${outcome}&mail=${raw}`, 303);
    },
  );

  app.get('/admin/jobs', { config: { action: 'admin.jobs.read' } }, async (request, reply) => {
    const health = await getJobsHealth(deps);
    return sendPage(reply, <JobsPage ctx={pageContext(request, reply, deps)} health={health} />);
  });
}
