/**
 * The texts of the mails a parent gets when a provider handles a preference: built in per
 * language, overridable by the municipality and by each location (pages with preview and reset);
 * one rendering path for all three. Request handling asks `templatesOf` for the texts in force.
 */

export { registerMailTemplateRoutes } from './mail-templates.routes.tsx';
export { templatesOf } from './mail-templates.service.ts';
export { type MailFacts, parentMail, TEMPLATE_EVENTS, type TemplateEvent } from './mail-templates.texts.ts';
