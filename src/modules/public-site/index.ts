/** The public site: what any visitor sees without logging in (issue 5). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { FLEMISH_BRABANT_POSTCODES } from './data/postcodes-flemish-brabant.ts';
import { type Geocoder, postcodeGeocoder } from './geocoding.ts';
import { upsertPostcodes } from './public-site.queries.ts';
import { registerPublicSiteRoutes } from './public-site.routes.tsx';

export { AA_NORMAL_TEXT, contrastRatio, isOwnLogo, normaliseHex, WHITE } from './brand.ts';
export { FLEMISH_BRABANT_POSTCODES } from './data/postcodes-flemish-brabant.ts';
export { type Geocoder, type GeoPoint, postcodeGeocoder } from './geocoding.ts';

/**
 * Registers the public pages. The bundled postcodes are loaded into the database when the app
 * is ready (insert or update, so every start is idempotent). A deployment with an address
 * service passes its own geocoder; the default looks postcodes up in that table.
 */
export function registerPublicSite(
  app: FastifyInstance,
  deps: AppDeps,
  options: { geocoder?: Geocoder } = {},
): void {
  app.addHook('onReady', async () => {
    await upsertPostcodes(deps.db, FLEMISH_BRABANT_POSTCODES);
  });
  registerPublicSiteRoutes(app, deps, options.geocoder ?? postcodeGeocoder(deps.db));
}
