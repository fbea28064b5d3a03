/**
 * The desk's emergency follow-up of a request: the social emergency flag with its confidential
 * note, the contact log, and putting the request forward to chosen providers of the municipality
 * (they get a mail and see it on top of their emergency list).
 */

export { registerDeskEmergencyRoutes } from './desk-emergency.routes.tsx';
export { EMERGENCY_EVENTS } from './desk-emergency.service.ts';
