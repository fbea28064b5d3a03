import { parsePhoneNumberWithError } from 'libphonenumber-js/min';

/**
 * A parent's phone number as typed: Belgian when it has no country code ("0470 12 34 56"),
 * international with one ("+31 6 12345678", "0031 …"). Kept formatted as it is shown: national
 * format for Belgian numbers ("0470 12 34 56"), international otherwise ("+31 6 12345678").
 * Returns undefined when it is no possible number.
 */
export function normalisePhone(input: string): string | undefined {
  const typed = input.trim().replace(/^00(?=[1-9])/, '+');
  try {
    const number = parsePhoneNumberWithError(typed, 'BE');
    if (!number.isValid()) return undefined;
    return number.country === 'BE' ? number.formatNational() : number.formatInternational();
  } catch {
    return undefined;
  }
}
