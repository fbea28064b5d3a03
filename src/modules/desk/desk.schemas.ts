import { z } from 'zod';
import { optionalDate, requiredText, text } from '../../platform/http/fields.ts';
import { FamilyForm } from '../families/index.ts';

/** The search form (GET): every field optional; at least one is needed to search. */
export const SearchQuery = z.object({
  name: text(100).optional(),
  birthDate: optionalDate,
  fileNumber: text(40).optional(),
  email: text(254).optional(),
  phone: text(40).optional(),
});
export type SearchInput = z.infer<typeof SearchQuery>;

/** The national number search (POST only: the number never goes into a URL). */
export const NationalNumberSearchForm = z.object({ nationalNumber: requiredText(30) });

export const REVEAL_REASONS = ['identify', 'duplicate', 'provider', 'correction'] as const;

/** Showing a national number: whose (a parent or child of the file) and why, from a fixed list. */
export const RevealForm = z.object({
  person: z.string().regex(/^(parent|child):[0-9a-f-]{36}$/i, 'invalidChoice'),
  reason: z.enum(REVEAL_REASONS, 'invalidChoice'),
});
export type RevealInput = z.infer<typeof RevealForm>;

export const NoteForm = z.object({ body: requiredText(4000) });

/** The family's priority facts as the desk records them: the ticks and the yearly income. */
export const PriorityFactsForm = FamilyForm.pick({ facts: true, yearlyIncome: true });
export type PriorityFactsInput = z.infer<typeof PriorityFactsForm>;
