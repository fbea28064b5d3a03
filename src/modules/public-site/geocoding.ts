/**
 * Turning what a visitor types ("3001", "3001 Heverlee", "Heverlee", "Gand", a street address) into a
 * point. The default looks in the bundled table of all Belgian postcodes; a deployment can plug in
 * an address service (in Flanders: the address register of Basisregisters Vlaanderen) by passing
 * another Geocoder to the module.
 */
import type { Database } from '../../platform/db/index.ts';
import { findPostcode } from './public-site.queries.ts';

export type GeoPoint = {
  lat: number;
  lng: number;
  /** What was found, e.g. "3001 Heverlee". */
  label: string;
  /**
   * True when the visitor typed more than a place (a street address) and the point is that of the
   * postcode, not of the address: the page says so.
   */
  fromPostcode?: boolean;
};

export interface Geocoder {
  geocode(query: string): Promise<GeoPoint | undefined>;
}

const POSTCODE_FIRST = /^(\d{4})(?:[\s,]+(.+))?$/;
/** "Naamsestraat 1, 3000 Leuven", "Rue Haute 5 B-1000 Bruxelles": a postcode near the end. */
const POSTCODE_IN_ADDRESS = /^(.*\S)[\s,]+(?:B-?)?(\d{4})(?:[\s,]+([^\d,]+))?$/i;

/** Looks a Belgian postcode and/or place name up in the `postcodes` table. */
export function postcodeGeocoder(db: Database): Geocoder {
  const postcodePoint = async (postcode: string, name: string | undefined) =>
    // "3020 Winksele" finds the village; an unknown name still finds the postcode's centre.
    (name ? await findPostcode(db, { postcode, name }) : undefined) ?? (await findPostcode(db, { postcode }));
  return {
    async geocode(query) {
      const text = query.trim().replace(/\s+/g, ' ');
      if (!text) return undefined;
      const first = POSTCODE_FIRST.exec(text);
      if (first?.[1]) return postcodePoint(first[1], first[2]?.trim());
      const byName = await findPostcode(db, { name: text });
      if (byName) return byName;
      const address = POSTCODE_IN_ADDRESS.exec(text);
      if (address?.[2]) {
        const point = await postcodePoint(address[2], address[3]?.trim());
        return point ? { ...point, fromPostcode: true } : undefined;
      }
      return undefined;
    },
  };
}
