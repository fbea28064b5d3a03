/** The emergency list shared by all providers of a municipality, and offers made from it. */
export { registerEmergencyListRoutes } from './emergency-list.routes.tsx';
