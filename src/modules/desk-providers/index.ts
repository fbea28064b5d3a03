/**
 * The desk's administration of its municipality's childcare providers: registering a provider
 * organisation and its locations (every profile field, the provider profile's own rules), inviting
 * its first staff by a mailed link (the invitation page of organisation-admin grants access once
 * accepted), switching a location's optional modules (planning, attendance, invoicing), and
 * deactivating or reactivating a location. Every change is one transaction with its audit row;
 * another municipality's organisation or location answers 404.
 */
export { registerDeskProviderRoutes } from './desk-providers.routes.tsx';
