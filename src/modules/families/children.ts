import type { LocalDate } from '../../shared/dates.ts';

/** Small pure helpers of the provider pages. */

export function childName(child: { firstName: string | null; lastName: string }): string {
  return [child.firstName, child.lastName].filter(Boolean).join(' ');
}

/** Whole months from birth to a day (0 in the first month; negative before birth). */
export function ageInMonths(birth: LocalDate | string, on: LocalDate | string): number {
  const [by = 0, bm = 0, bd = 0] = birth.split('-').map(Number);
  const [oy = 0, om = 0, od = 0] = on.split('-').map(Number);
  return (oy - by) * 12 + (om - bm) - (od < bd ? 1 : 0);
}

/**
 * That a national number is on file, shown as its birth-date part only (`26.08.01-***.**`), taken
 * from the child's birth date: the number itself is never decrypted for a provider's page.
 */
export function maskedNationalNumber(child: {
  nationalNumberCipher: string | null;
  birthDate: string | null;
}): string | undefined {
  if (!child.nationalNumberCipher || !child.birthDate) return undefined;
  const [y = '', m = '', d = ''] = child.birthDate.split('-');
  return `${y.slice(2)}.${m}.${d}-***.**`;
}
