/**
 * Turning what a visitor types ("3001", "3001 Heverlee", "Heverlee") into a point. The default
 * looks in the bundled postcode table; a deployment can plug in an address service (in Flanders:
 * the address register of Basisregisters Vlaanderen) by passing another Geocoder to the module.
 */
import type { Database } from '../../platform/db/index.ts';
import { findPostcode } from './public-site.queries.ts';

export type GeoPoint = {
  lat: number;
  lng: number /** What was found, e.g. "3001 Heverlee". */;
  label: string;
};

export interface Geocoder {
  geocode(query: string): Promise<GeoPoint | undefined>;
}

const POSTCODE_FIRST = /^(\d{4})(?:[\s,]+(.+))?$/;

/** Looks a Belgian postcode and/or place name up in the `postcodes` table. */
export function postcodeGeocoder(db: Database): Geocoder {
  return {
    async geocode(query) {
      const text = query.trim().replace(/\s+/g, ' ');
      if (!text) return undefined;
      const m = POSTCODE_FIRST.exec(text);
      if (m?.[1]) {
        const postcode = m[1];
        const name = m[2]?.trim();
        // "3020 Winksele" finds the village; an unknown name still finds the postcode's centre.
        return (
          (name ? await findPostcode(db, { postcode, name }) : undefined) ??
          (await findPostcode(db, { postcode }))
        );
      }
      return findPostcode(db, { name: text });
    },
  };
}
