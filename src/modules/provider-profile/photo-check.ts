/**
 * What a profile photo may be. The type is read from the file's first bytes, never trusted from
 * the browser's declared type or the file name: a text file renamed .png is not a photo.
 */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTOS_PER_LOCATION = 8;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** The image type by its magic bytes, or undefined for anything else (SVG, GIF, text…). */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // 'RIFF' <size> 'WEBP'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return undefined;
}

/** An uploaded file as the multipart plugin hands it over (see photo-upload.ts). */
export type UploadedFile = {
  filename: string;
  declaredType: string;
  bytes: Buffer;
  /** The file was longer than PHOTO_MAX_BYTES: only the first part was read. */
  truncated: boolean;
};

export type PhotoError = 'required' | 'photoType' | 'photoTooBig';

export function checkPhoto(
  file: UploadedFile | undefined,
): { ok: true; type: PhotoType } | { ok: false; error: PhotoError } {
  if (!file || file.bytes.length === 0) return { ok: false, error: 'required' };
  if (file.truncated || file.bytes.length > PHOTO_MAX_BYTES) return { ok: false, error: 'photoTooBig' };
  const type = sniffPhotoType(file.bytes);
  if (!type) return { ok: false, error: 'photoType' };
  return { ok: true, type };
}
