/**
 * The texts of the mails a parent gets when a provider handles a preference: built in per
 * language, overridable by the municipality (the desk's pages, desk-content) and by each location
 * (pages with preview and reset); one rendering path for all three. Request handling asks
 * `templatesOf` for the texts in force: the location's own, else the municipality's, else built in.
 */

export { registerMailTemplateRoutes } from './mail-templates.routes.tsx';
export { TemplateForm, TemplateParams } from './mail-templates.schemas.ts';
export {
  getMunicipalityTemplate,
  getMunicipalityTemplateOverview,
  previewTemplate,
  resetMunicipalityTemplate,
  saveMunicipalityTemplate,
  type TemplateEditData,
  type TemplateEditor,
  templateErrors,
  templatesOf,
} from './mail-templates.service.ts';
export {
  type MailFacts,
  parentMail,
  type RenderedMail,
  TEMPLATE_EVENTS,
  type TemplateEvent,
} from './mail-templates.texts.ts';
export { MailTemplatePage, MailTemplatesPage, type TemplateScope } from './mail-templates.views.tsx';
