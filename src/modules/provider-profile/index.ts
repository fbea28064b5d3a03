/** The provider's own public profile (texts, hours, facts, contact, closing periods), photos and last-minute places. */
export { messages as profileMessages } from './provider-profile.messages.ts';
export { registerProviderProfileRoutes } from './provider-profile.routes.tsx';
export {
  OUT_OF_SCHOOL_SERVICES,
  type OutOfSchoolService,
  ProfileForm,
  type ProfileInput,
} from './provider-profile.schemas.ts';
export { type CareType, validateProfile } from './provider-profile.service.ts';
export { ProfileFields, profileFormValues } from './provider-profile.views.tsx';
