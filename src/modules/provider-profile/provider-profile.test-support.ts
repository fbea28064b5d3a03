import { crc32, deflateSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestClient } from '../../../test/app.ts';

/** A real PNG image of `size`×`size` pixels (RGB, one colour), built byte by byte. */
export function makePng(size = 2, rgb: [number, number, number] = [200, 120, 40]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export type FilePart = { filename: string; contentType: string; bytes: Buffer };

/** A multipart/form-data body, fields first (as a browser sends them in document order). */
export function multipartBody(fields: Record<string, string>, files: Record<string, FilePart>) {
  const boundary = `----ko-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const [name, file] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart form as the client's browser would: its cookies and, unless told otherwise, its CSRF token. */
export async function postMultipart(
  app: FastifyInstance,
  client: TestClient,
  url: string,
  fields: Record<string, string>,
  files: Record<string, FilePart>,
  options: { csrf?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const token = options.csrf === null ? undefined : (options.csrf ?? client.lastCsrf);
  const body = multipartBody(token ? { _csrf: token, ...fields } : fields, files);
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': body.contentType,
    },
    payload: body.payload,
  });
}
