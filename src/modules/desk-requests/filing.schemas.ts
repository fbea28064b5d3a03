import { StaffFamilyForm, type StaffFamilyInput } from '../families/index.ts';

/**
 * A family that phones or comes by: its parents (how to reach them) and its address. The same
 * schema as an intermediary's new family (families' `StaffFamilyForm`), so the two stay alike.
 */
export const PhoneFamilyForm = StaffFamilyForm;
export type PhoneFamilyInput = StaffFamilyInput;
