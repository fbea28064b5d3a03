import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { IMPORT_MAX_BYTES } from './import-file.ts';

/** An uploaded file as the route hands it to the service. */
export type UploadedList = { filename: string; bytes: Buffer; truncated: boolean };

/**
 * Multipart bodies only for the upload route registered inside `routes` (an encapsulated plugin,
 * as for profile photos), so every other route still refuses them. The whole body is read before
 * the handlers, its fields as plain strings, so the platform's CSRF check finds `_csrf`. A file
 * longer than IMPORT_MAX_BYTES is cut and marked truncated: a clear message, not a 413.
 */
export function withListUploads(app: FastifyInstance, routes: (scope: FastifyInstance) => void): void {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 10_000 },
      async onFile(part: MultipartFile) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const file: UploadedList = {
          filename: part.filename,
          bytes: Buffer.concat(chunks),
          truncated: part.file.truncated,
        };
        (part as MultipartFile & { value: UploadedList }).value = file;
      },
    });
    routes(scope);
  });
}

/** The uploaded file of a parsed multipart body, if the field holds one. */
export function uploadedList(body: unknown, field: string): UploadedList | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const v = (body as Record<string, unknown>)[field];
  if (v && typeof v === 'object' && 'bytes' in v && Buffer.isBuffer((v as UploadedList).bytes))
    return v as UploadedList;
  return undefined;
}
