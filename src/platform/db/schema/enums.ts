import { pgEnum } from 'drizzle-orm/pg-core';

/**
 * group: daycare centre · family: childminder (both baby and toddler care, 0–3) · out_of_school:
 * out-of-school care for school children (about 2.5–12), which is not baby/toddler capacity.
 */
export const careTypeEnum = pgEnum('care_type', ['group', 'family', 'out_of_school']);
export const roleEnum = pgEnum('role', [
  'parent',
  'intermediary',
  'provider_staff',
  'provider_admin',
  'desk',
  'policy',
  'platform_admin',
]);
export const languageEnum = pgEnum('language', ['nl', 'fr', 'en']);
export const parentSituationEnum = pgEnum('parent_situation', [
  'working',
  'job_seeking',
  'training',
  'other',
]);
export const requestKindEnum = pgEnum('request_kind', ['regular', 'occasional']);
export const requestStatusEnum = pgEnum('request_status', [
  'active',
  'answered',
  'expired',
  'withdrawn',
  'closed',
]);
export const requestChannelEnum = pgEnum('request_channel', ['parent', 'intermediary', 'desk']);
export const preferenceStatusEnum = pgEnum('preference_status', [
  'new',
  'seen',
  'waiting_list',
  'offer_made',
  'offer_accepted',
  'enrolled',
  'offer_declined',
  'offer_expired',
  'no_place',
  'withdrawn',
  'placed_elsewhere',
  'request_closed',
]);
export const offerStatusEnum = pgEnum('offer_status', [
  'pending',
  'accepted',
  'declined',
  'expired',
  'withdrawn',
]);
export const socialReasonEnum = pgEnum('social_reason', [
  'child_protection',
  'foster_placement',
  'family_crisis',
  'medical',
  'other',
]);
export const noPlaceReasonEnum = pgEnum('no_place_reason', [
  'full_for_period',
  'age_group_full',
  'care_plan_does_not_fit',
  'outside_admission_policy',
  'other',
]);
export const deskNoteKindEnum = pgEnum('desk_note_kind', ['note', 'contact', 'social_emergency']);
export const contactChannelEnum = pgEnum('contact_channel', ['phone', 'visit', 'mail', 'other']);
