/**
 * A name as a URL or file-name part: accents folded, lower case, every other run of characters one
 * hyphen, no hyphen at either end; cut to `maxLength` characters when given (the cut may leave a
 * hyphen at the end).
 */
export function slugify(text: string, maxLength?: number): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, maxLength);
}
