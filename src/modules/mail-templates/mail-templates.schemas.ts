import { z } from 'zod';
import { requiredText } from '../../platform/http/fields.ts';
import { LANGUAGES } from '../../platform/i18n/index.ts';
import { TEMPLATE_EVENTS } from './mail-templates.texts.ts';

export const TemplateParams = z.object({
  event: z.enum(TEMPLATE_EVENTS),
  language: z.enum(LANGUAGES),
});

export const TemplateForm = z.object({
  subject: requiredText(200),
  body: requiredText(5000),
  intent: z.enum(['save', 'preview'], 'invalidChoice').default('save'),
});
export type TemplateInput = z.infer<typeof TemplateForm>;
