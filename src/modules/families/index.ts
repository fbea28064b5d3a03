/**
 * The family file: parents (with their national numbers through the vault), the address, the
 * household's situation and priority facts, and the children. Also the one way every module
 * reaches a family (notifyFamily: a mail to each parent with an address, else a task for the
 * organisation that follows the family). Requests, the desk and intermediaries build on it.
 */

export { ageInMonths, childName, maskedNationalNumber } from './children.ts';
export {
  deskActor,
  deskMunicipalityOf,
  requireDeskFamily,
  requireDeskRequest,
} from './desk-scope.queries.ts';
export { familyMessages } from './families.messages.ts';
export {
  type ChildRow,
  findChildByNationalNumberHash,
  getChildOfFamily,
  getChildrenOfFamily,
  getFamilyOfUser,
  getMunicipality,
  getParentsOfFamily,
  getSubMunicipalities,
  insertChild,
  insertFamily,
  insertFamilyFile,
  insertParent,
  updateChild,
  updateFamilyFile,
} from './families.queries.ts';
export { registerFamilyRoutes } from './families.routes.tsx';
export {
  FAMILY_FACTS,
  FamilyForm,
  MAX_YEARLY_INCOME,
  parseYearlyIncome,
  priorityFactColumns,
  SITUATIONS,
  StaffFamilyForm,
  type StaffFamilyInput,
} from './families.schemas.ts';
export { checkParents, checkSubMunicipality, parentActor, requireFamily } from './families.service.ts';
export { ChildrenList, ParentFields, subMunicipalityOptions } from './families.views.tsx';
export {
  CONFIRMATION_TASK_KIND,
  type FamilyTask,
  type Notified,
  notifyFamily,
  type Recipient,
} from './notify-family.ts';
export { normalisePhone } from './phone.ts';
export { checkStaffFamily, insertStaffFamily } from './staff-family.ts';
