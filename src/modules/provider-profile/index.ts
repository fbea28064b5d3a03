/** The provider's own public profile (texts, hours, facts, contact, closing periods), photos and last-minute places. */
export { registerProviderProfileRoutes } from './provider-profile.routes.tsx';
