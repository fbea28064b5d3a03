/**
 * The desk's settings for its own municipality: the rules (emergency window, preferences, answer
 * deadlines, confirmation interval, how far ahead a request may be filed), the desk's contact
 * details and opening hours, the public site's logo and colour (refused under 4.5:1 contrast with
 * white text), and the children aged 0–3 per sub-municipality. Every change is one transaction
 * with its audit row (old and new values); nothing is cached, so it holds from the next request.
 */

export { registerDeskSettingsRoutes } from './desk-settings.routes.tsx';
