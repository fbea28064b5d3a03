/**
 * Branded identifiers: a ProviderLocationId can never be passed where a RequestId is expected,
 * although both are plain strings (uuid) at run time.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type RegionId = Brand<string, 'RegionId'>;
export type MunicipalityId = Brand<string, 'MunicipalityId'>;
export type SubMunicipalityId = Brand<string, 'SubMunicipalityId'>;
export type ProviderOrganisationId = Brand<string, 'ProviderOrganisationId'>;
export type ProviderLocationId = Brand<string, 'ProviderLocationId'>;
export type IntermediaryOrganisationId = Brand<string, 'IntermediaryOrganisationId'>;
export type UserId = Brand<string, 'UserId'>;
export type FamilyId = Brand<string, 'FamilyId'>;
export type ParentId = Brand<string, 'ParentId'>;
export type ChildId = Brand<string, 'ChildId'>;
export type RequestId = Brand<string, 'RequestId'>;
export type PreferenceId = Brand<string, 'PreferenceId'>;
export type OfferId = Brand<string, 'OfferId'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses an id from a URL or form; anything that is not a uuid yields undefined (→ 404). */
export function parseId<T extends Brand<string, string>>(value: unknown): T | undefined {
  return typeof value === 'string' && UUID.test(value) ? (value.toLowerCase() as T) : undefined;
}
