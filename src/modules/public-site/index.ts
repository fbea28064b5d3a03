/** The public site: what any visitor sees without logging in (issue 5). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { BELGIAN_POSTCODES } from './data/postcodes-belgium.ts';
import { type Geocoder, postcodeGeocoder } from './geocoding.ts';
import { setPublicMaxAge } from './public-site.http.ts';
import { upsertPostcodes } from './public-site.queries.ts';
import { registerPublicSiteRoutes } from './public-site.routes.tsx';

export { AA_NORMAL_TEXT, contrastRatio, isOwnLogo, normaliseHex, WHITE } from './brand.ts';
export { BELGIAN_POSTCODES, MUNICIPALITY_POINTS } from './data/postcodes-belgium.ts';
export { type Geocoder, type GeoPoint, postcodeGeocoder } from './geocoding.ts';

/**
 * One row per postcode and place name, in every language the data gives (1000 Brussel, 1000
 * Bruxelles); a name given twice for one postcode is loaded once.
 */
function postcodeNameRows(): (readonly [string, string, number, number])[] {
  const rows = new Map<string, readonly [string, string, number, number]>();
  for (const [postcode, , nl, fr, de, lat, lng] of BELGIAN_POSTCODES) {
    for (const name of [nl, fr, de]) {
      const key = `${postcode} ${name}`;
      if (name !== '' && !rows.has(key)) rows.set(key, [postcode, name, lat, lng]);
    }
  }
  return [...rows.values()];
}

/**
 * Registers the public pages. The bundled postcodes of all of Belgium are loaded into the database
 * when the app is ready (insert or update, so every start is idempotent). A deployment with an address
 * service passes its own geocoder; the default looks postcodes up in that table.
 */
export function registerPublicSite(
  app: FastifyInstance,
  deps: AppDeps,
  options: { geocoder?: Geocoder } = {},
): void {
  setPublicMaxAge(app, deps.config.publicCacheSeconds);
  app.addHook('onReady', async () => {
    await upsertPostcodes(deps.db, postcodeNameRows());
  });
  registerPublicSiteRoutes(app, deps, options.geocoder ?? postcodeGeocoder(deps.db));
}
