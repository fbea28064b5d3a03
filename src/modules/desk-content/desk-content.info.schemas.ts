import type { Translated } from '../../platform/db/schema/index.ts';
import { formValues, type ParseResult } from '../../platform/http/forms.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { parseTitleAndBody, single } from './desk-content.schemas.ts';

/**
 * The information page form: a title and a text per language (Dutch required), the page's address
 * on the public site (`/info/<slug>`, made from the Dutch title when left empty), its place in
 * the list and whether it is published.
 */

export type InfoPageInput = {
  title: Translated;
  body: Translated;
  slug: string;
  sortOrder: number;
  published: boolean;
};

export const SLUG_MAX = 80;
export const ORDER_MAX = 999;
/** What the public site's route accepts, without leading, trailing or double hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An address from a title: accents folded, lower case, every other run of characters one hyphen. */
export function slugFrom(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

export function parseInfoPageForm(body: unknown): ParseResult<InfoPageInput> {
  const values = formValues(body);
  const errors: Errors = {};
  const { title, text } = parseTitleAndBody(values, errors);

  const rawSlug = (single(values, 'slug') ?? '').trim();
  const slug = rawSlug === '' ? slugFrom(title.nl ?? '') : rawSlug;
  if (rawSlug.length > SLUG_MAX) errors.slug = 'tooLong';
  else if (rawSlug !== '' && !SLUG.test(rawSlug)) errors.slug = 'slugInvalid';
  else if (slug === '' && title.nl) errors.slug = 'required';

  const rawOrder = (single(values, 'sortOrder') ?? '').trim();
  const sortOrder = /^\d{1,3}$/.test(rawOrder) ? Number(rawOrder) : undefined;
  if (sortOrder === undefined) errors.sortOrder = { key: 'numberBetween', min: 0, max: ORDER_MAX };

  const published = single(values, 'published');
  if (published !== 'yes' && published !== 'no') errors.published = 'invalidChoice';

  if (Object.keys(errors).length > 0 || !title.nl || !text.nl || sortOrder === undefined)
    return { ok: false, form: { values, errors } };
  return {
    ok: true,
    value: {
      title: { ...title, nl: title.nl },
      body: { ...text, nl: text.nl },
      slug,
      sortOrder,
      published: published === 'yes',
    },
  };
}
