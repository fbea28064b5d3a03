/**
 * The platform admin's (region operator's) regions and municipalities: create them, appoint each
 * municipality's desk and policy staff by a mailed invitation and remove them (sessions end at
 * once), and move a municipality into another region (its locations become choosable region-wide;
 * its families stay its own).
 */

export { registerRegionAdminRoutes } from './region-admin.routes.tsx';
