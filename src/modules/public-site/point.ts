/**
 * A point chosen on the search map (or typed: "50.88, 4.70") as an origin for distances. It travels
 * in the URL as `near=50.88000,4.70000`, like every other filter, so a result can be shared.
 */

export type LatLng = { lat: number; lng: number };

/** Belgium with a margin: a point outside cannot be a place a family in the region lives or works. */
export const BELGIUM_BOUNDS = { south: 49.4, north: 51.6, west: 2.5, east: 6.5 } as const;

const NUMBER = String.raw`[-+]?\d{1,3}(?:\.\d+)?`;
/** "50.88,4.70", "50.88, 4.70", "50.88 4.70" or "50.88; 4.70" (decimal points). */
const DOT_DECIMALS = new RegExp(`^(${NUMBER})\\s*[,;\\s]\\s*(${NUMBER})$`);
/** "50,88; 4,70" or "50,88 4,70": decimal commas, as many Belgians type them. */
const COMMA_DECIMALS = /^([-+]?\d{1,3}(?:,\d+)?)\s*[;\s]\s*([-+]?\d{1,3}(?:,\d+)?)$/;

/** The point in a text, or undefined when the text is not a latitude and a longitude. */
export function parsePoint(text: string): LatLng | undefined {
  const trimmed = text.trim();
  const m = DOT_DECIMALS.exec(trimmed) ?? COMMA_DECIMALS.exec(trimmed);
  if (!m?.[1] || !m[2]) return undefined;
  const lat = Number(m[1].replace(',', '.'));
  const lng = Number(m[2].replace(',', '.'));
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return undefined;
  }
  return { lat, lng };
}

export function inBelgium(p: LatLng): boolean {
  const b = BELGIUM_BOUNDS;
  return p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east;
}

/** The form the map writes and the URL carries: five decimals (about a metre). */
export function formatPoint(p: LatLng): string {
  return `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`;
}
