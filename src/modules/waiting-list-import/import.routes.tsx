import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loggableError } from '../../platform/db/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { formValues, isConfirmed } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { parseId } from '../../shared/ids.ts';
import {
  confirmImport,
  discardImport,
  getImportRecord,
  getMappingPage,
  getPreview,
  getUploadPage,
  requireDeskImport,
  saveMapping,
  sessionBinding,
  upload,
} from './import.service.ts';
import {
  IMPORTS_PATH,
  importPath,
  MappingPage,
  PreviewPage,
  RecordPage,
  UploadPage,
  uploadPath,
} from './import.views.tsx';
import { uploadedList, withListUploads } from './import-upload.http.ts';

type LocationRoute = { Params: { locationId: string }; Querystring: { done?: unknown } };
type ImportRoute = { Params: { importId: string }; Querystring: { problem?: unknown } };

function idOf(value: string): string {
  const id = parseId<never>(value);
  if (!id) throw new NotFoundError();
  return id;
}

const bindingOf = (request: FastifyRequest) => sessionBinding(request.csrfBinding);

/**
 * The desk imports a location's existing waiting list: upload (multipart, this route only),
 * mapping, preview with the refused rows and their reasons, confirmation (all rows or none),
 * and the import's record. Every step is a plain form; the rows wait on the server, bound to the
 * session. Another municipality's location, or another session's upload, answers 404.
 */
export function registerWaitingListImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const manage = { config: { action: 'desk.waitingListImport.manage' as const } };
  const upload_ = '/desk/providers/locations/:locationId/import';

  app.get<LocationRoute>(upload_, manage, async (request, reply) => {
    const data = await getUploadPage(deps, requireUser(request.user), idOf(request.params.locationId));
    return sendPage(
      reply,
      <UploadPage
        ctx={pageContext(request, reply, deps)}
        data={data}
        discarded={request.query.done === 'discarded'}
      />,
    );
  });

  withListUploads(app, (scope) => {
    scope.post<LocationRoute>(upload_, manage, async (request, reply) => {
      const user = requireUser(request.user);
      const locationId = idOf(request.params.locationId);
      const result = await upload(
        deps,
        user,
        bindingOf(request),
        locationId,
        uploadedList(request.body, 'file'),
      );
      if (result.ok) return reply.redirect(`${importPath(result.value)}/mapping`, 303);
      const data = await getUploadPage(deps, user, locationId);
      return sendPage(
        reply,
        <UploadPage ctx={pageContext(request, reply, deps)} data={data} error={result.error} />,
        400,
      );
    });
  });

  app.get<ImportRoute>(`${IMPORTS_PATH}/:importId/mapping`, manage, async (request, reply) => {
    const data = await getMappingPage(
      deps,
      requireUser(request.user),
      bindingOf(request),
      idOf(request.params.importId),
    );
    return sendPage(reply, <MappingPage ctx={pageContext(request, reply, deps)} data={data} />);
  });

  app.post<ImportRoute>(`${IMPORTS_PATH}/:importId/mapping`, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const importId = idOf(request.params.importId);
    const result = await saveMapping(deps, user, bindingOf(request), importId, formValues(request.body));
    if (result.ok) return reply.redirect(`${importPath(importId)}/preview`, 303);
    const data = await getMappingPage(deps, user, bindingOf(request), importId);
    return sendPage(
      reply,
      <MappingPage
        ctx={pageContext(request, reply, deps)}
        data={data}
        errors={result.errors}
        mapping={result.mapping}
      />,
      400,
    );
  });

  app.get<ImportRoute>(`${IMPORTS_PATH}/:importId/preview`, manage, async (request, reply) => {
    const importId = idOf(request.params.importId);
    const data = await getPreview(deps, requireUser(request.user), bindingOf(request), importId);
    if (data.needsMapping) return reply.redirect(`${importPath(importId)}/mapping`, 303);
    const problem = request.query.problem === 'changed' ? 'changed' : undefined;
    return sendPage(
      reply,
      <PreviewPage ctx={pageContext(request, reply, deps)} data={data} problem={problem} />,
    );
  });

  app.post<ImportRoute>(`${IMPORTS_PATH}/:importId/confirm`, manage, async (request, reply) => {
    const user = requireUser(request.user);
    const importId = idOf(request.params.importId);
    const body = formValues(request.body);
    const expected =
      typeof body.expected === 'string' && /^\d{1,5}$/.test(body.expected) ? Number(body.expected) : -1;
    if (!isConfirmed(request.body) || expected < 0) {
      await requireDeskImport(deps, user, importId); // 404 for a stranger, before sending to the preview
      return reply.redirect(`${importPath(importId)}/preview`, 303);
    }
    try {
      const result = await confirmImport(deps, user, bindingOf(request), importId, expected);
      if (result.ok) return reply.redirect(importPath(importId), 303);
      return reply.redirect(`${importPath(importId)}/preview?problem=changed`, 303);
    } catch (error) {
      if (error instanceof NotFoundError) throw error;
      // The transaction rolled back: nothing of the import was written. Say so on the preview.
      request.log.error({ err: loggableError(error) }, 'waiting-list import failed');
      const data = await getPreview(deps, user, bindingOf(request), importId);
      if (data.needsMapping) throw error;
      return sendPage(
        reply,
        <PreviewPage ctx={pageContext(request, reply, deps)} data={data} problem="failed" />,
        500,
      );
    }
  });

  app.post<ImportRoute>(`${IMPORTS_PATH}/:importId/discard`, manage, async (request, reply) => {
    const locationId = await discardImport(
      deps,
      requireUser(request.user),
      bindingOf(request),
      idOf(request.params.importId),
    );
    return reply.redirect(`${uploadPath(locationId)}?done=discarded`, 303);
  });

  app.get<ImportRoute>(`${IMPORTS_PATH}/:importId`, manage, async (request, reply) => {
    const data = await getImportRecord(deps, requireUser(request.user), idOf(request.params.importId));
    return sendPage(reply, <RecordPage ctx={pageContext(request, reply, deps)} data={data} />);
  });
}
