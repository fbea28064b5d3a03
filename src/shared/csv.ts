/**
 * A text cell of a CSV file for Excel in Belgium (semicolon-separated): quoted where needed, and
 * prefixed with an apostrophe when a spreadsheet would read it as a formula (CSV injection).
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
