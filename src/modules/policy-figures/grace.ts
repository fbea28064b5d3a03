import type { Language } from '../../platform/i18n/index.ts';
import { forecastMessages } from './forecast.messages.ts';
import { messages } from './policy-figures.messages.ts';

/**
 * The printed definition of "unanswered" with the grace period each desk set (desk settings): one
 * number when the municipalities counted agree, else each municipality's own.
 */
export function graceDefinition(
  lang: Language,
  municipalities: readonly { name: string; unansweredGraceDays: number }[],
): string {
  const days = [...new Set(municipalities.map((m) => m.unansweredGraceDays))];
  if (days.length <= 1) return messages[lang].definitions.unanswered(days[0] ?? 30);
  const t = forecastMessages[lang].grace;
  return t.perMunicipality(municipalities.map((m) => t.days(m.name, m.unansweredGraceDays)).join(', '));
}

/** The region as a whole, among the municipalities to choose from. */
export const regionOption = (lang: Language, name: string) => forecastMessages[lang].region.option(name);
