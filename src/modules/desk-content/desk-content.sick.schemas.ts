import { z } from 'zod';
import type { Translated } from '../../platform/db/schema/index.ts';
import { formValues, type ParseResult } from '../../platform/http/forms.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { ORDER_MAX } from './desk-content.info.schemas.ts';
import { NEWS_LANGUAGES, normaliseText, normaliseTitle, single } from './desk-content.schemas.ts';

/**
 * The sick-child service form: name, contact, phone and website, then per language a description
 * (Dutch required) and optionally the area, the hours and the conditions (each needs its Dutch
 * text: that is what a visitor sees where the translation is missing).
 */

export const SICK_TEXTS = ['description', 'area', 'hours', 'conditions'] as const;
export type SickText = (typeof SICK_TEXTS)[number];
export const sickField = (text: SickText, lang: (typeof NEWS_LANGUAGES)[number]) => `${text}_${lang}`;

const TEXT_LIMITS: Record<SickText, number> = { description: 4000, area: 300, hours: 300, conditions: 2000 };
const LIMITS = { name: 200, contact: 200, phone: 40, website: 300 } as const;

export type SickServiceInput = {
  name: string;
  contact: string | null;
  phone: string;
  website: string | null;
  sortOrder: number;
  description: Translated;
  area: Translated | null;
  hours: Translated | null;
  conditions: Translated | null;
};

const isPhone = (v: string) => /^\+?[0-9][0-9 ./-]{5,}$/.test(v);
function isHttpsUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}
const isEmailLike = (v: string) => v.includes('@');
const isEmail = (v: string) => z.email().safeParse(v).success;

export function parseSickServiceForm(body: unknown): ParseResult<SickServiceInput> {
  const values = formValues(body);
  const errors: Errors = {};
  const line = (name: string, max: number): string | null => {
    const v = normaliseTitle(single(values, name) ?? '');
    if (v.length > max) errors[name] = 'tooLong';
    return v === '' ? null : v;
  };

  const name = line('name', LIMITS.name);
  if (!name && !errors.name) errors.name = 'required';
  const contact = line('contact', LIMITS.contact);
  if (contact && !errors.contact && isEmailLike(contact) && !isEmail(contact))
    errors.contact = 'invalidEmail';
  const phone = line('phone', LIMITS.phone);
  if (!phone && !errors.phone) errors.phone = 'required';
  else if (phone && !errors.phone && !isPhone(phone)) errors.phone = 'invalidPhone';
  const website = line('website', LIMITS.website);
  if (website && !errors.website && !isHttpsUrl(website)) errors.website = 'invalidUrl';
  const rawOrder = (single(values, 'sortOrder') ?? '').trim();
  const sortOrder = /^\d{1,3}$/.test(rawOrder) ? Number(rawOrder) : undefined;
  if (sortOrder === undefined) errors.sortOrder = { key: 'numberBetween', min: 0, max: ORDER_MAX };

  // Errors of the texts collected first, then added in the page's order (language by language).
  const textErrors: Errors = {};
  const texts = {} as Record<SickText, Translated | null>;
  for (const text of SICK_TEXTS) {
    const got: Partial<Record<(typeof NEWS_LANGUAGES)[number], string>> = {};
    for (const lang of NEWS_LANGUAGES) {
      const field = sickField(text, lang);
      const v = normaliseText(single(values, field) ?? '');
      if (v.length > TEXT_LIMITS[text]) textErrors[field] = 'tooLong';
      if (v !== '') got[lang] = v;
    }
    const nlField = sickField(text, 'nl');
    if (!got.nl && !textErrors[nlField]) {
      if (text === 'description') textErrors[nlField] = 'required';
      else if (got.fr || got.en) textErrors[nlField] = 'dutchTextRequired';
    }
    texts[text] = got.nl ? { ...got, nl: got.nl } : null;
  }
  for (const lang of NEWS_LANGUAGES)
    for (const text of SICK_TEXTS) {
      const error = textErrors[sickField(text, lang)];
      if (error) errors[sickField(text, lang)] = error;
    }

  if (Object.keys(errors).length > 0 || !name || !phone || sortOrder === undefined || !texts.description)
    return { ok: false, form: { values, errors } };
  return {
    ok: true,
    value: {
      name,
      contact,
      phone,
      website,
      sortOrder,
      description: texts.description,
      area: texts.area,
      hours: texts.hours,
      conditions: texts.conditions,
    },
  };
}
