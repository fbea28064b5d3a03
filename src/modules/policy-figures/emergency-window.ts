import type { Language } from '../../platform/i18n/index.ts';
import { forecastMessages } from './forecast.messages.ts';
import { flowMessages } from './policy-figures.flows.messages.ts';

/**
 * The printed definition of the emergency list with the window each desk set: one number when the
 * municipalities counted agree, else each municipality's own (each request is counted with its
 * municipality's window).
 */
export function emergencyDefinition(
  lang: Language,
  windows: readonly { name: string; days: number }[],
): string {
  const t = flowMessages[lang].definitions;
  const days = [...new Set(windows.map((w) => w.days))];
  if (days.length <= 1) return t.emergency(t.emergencyWindow(days[0] ?? 0));
  const name = forecastMessages[lang].grace.days;
  return t.emergency(t.emergencyWindows(windows.map((w) => name(w.name, w.days)).join(', ')));
}
