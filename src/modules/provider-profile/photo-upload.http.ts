import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { PHOTO_MAX_BYTES, type UploadedFile } from './photo-check.ts';

/**
 * Multipart bodies only for the routes registered inside `routes` (an encapsulated plugin), so
 * every other route still refuses them. The whole body is read before the route's handlers with
 * its fields as plain strings, so the platform's CSRF check finds `_csrf` as in any form. A file
 * is read up to PHOTO_MAX_BYTES and marked truncated beyond that (a clear message, not a 413).
 */
export function withPhotoUploads(app: FastifyInstance, routes: (scope: FastifyInstance) => void): void {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 10, parts: 11, fieldSize: 10_000 },
      async onFile(part: MultipartFile) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const file: UploadedFile = {
          filename: part.filename,
          declaredType: part.mimetype,
          bytes: Buffer.concat(chunks),
          truncated: part.file.truncated,
        };
        (part as MultipartFile & { value: UploadedFile }).value = file;
      },
    });
    routes(scope);
  });
}

/** The uploaded file of a parsed multipart body, if the field holds one. */
export function uploadedFile(body: unknown, field: string): UploadedFile | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const v = (body as Record<string, unknown>)[field];
  if (v && typeof v === 'object' && 'bytes' in v && Buffer.isBuffer((v as UploadedFile).bytes))
    return v as UploadedFile;
  return undefined;
}
