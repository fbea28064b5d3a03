import { and, asc, eq } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const { municipalities, subMunicipalities } = schema;

/** The settings a desk may change, as stored. */
const settingsColumns = {
  id: municipalities.id,
  name: municipalities.name,
  emergencyWindowDays: municipalities.emergencyWindowDays,
  maxPreferences: municipalities.maxPreferences,
  offerDeadlineDays: municipalities.offerDeadlineDays,
  firstAnswerDays: municipalities.firstAnswerDays,
  confirmationIntervalMonths: municipalities.confirmationIntervalMonths,
  maxMonthsAhead: municipalities.maxMonthsAhead,
  unansweredGraceDays: municipalities.unansweredGraceDays,
  deskEmail: municipalities.deskEmail,
  deskPhone: municipalities.deskPhone,
  deskAddress: municipalities.deskAddress,
  deskOpeningHours: municipalities.deskOpeningHours,
  logoUrl: municipalities.logoUrl,
  brandColour: municipalities.brandColour,
  outOfSchoolRequests: municipalities.outOfSchoolRequests,
};

export async function getMunicipalitySettings(db: Database, municipalityId: string) {
  const [row] = await db
    .select(settingsColumns)
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row;
}

/** The same row, locked until the transaction ends: two officers saving at once take turns. */
export async function lockMunicipalitySettings(tx: Database, municipalityId: string) {
  const [row] = await tx
    .select(settingsColumns)
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId))
    .for('update');
  return row;
}

export type MunicipalitySettings = NonNullable<Awaited<ReturnType<typeof getMunicipalitySettings>>>;

export function getSubMunicipalityFigures(db: Database, municipalityId: string) {
  return db
    .select({
      id: subMunicipalities.id,
      name: subMunicipalities.name,
      postcode: subMunicipalities.postcode,
      children0to3: subMunicipalities.children0to3,
      children0to3Date: subMunicipalities.children0to3Date,
    })
    .from(subMunicipalities)
    .where(eq(subMunicipalities.municipalityId, municipalityId))
    .orderBy(asc(subMunicipalities.name));
}

export type SubMunicipalityFigures = Awaited<ReturnType<typeof getSubMunicipalityFigures>>[number];

export type SettingsChange = Partial<Omit<MunicipalitySettings, 'id' | 'name'>>;

export async function updateMunicipalitySettings(
  tx: Database,
  municipalityId: string,
  change: SettingsChange,
): Promise<void> {
  await tx.update(municipalities).set(change).where(eq(municipalities.id, municipalityId));
}

/** One sub-municipality's figure, only within the given municipality. */
export async function updateSubMunicipalityFigure(
  tx: Database,
  municipalityId: string,
  subMunicipalityId: string,
  figure: { children0to3: number | null; children0to3Date: string | null },
): Promise<void> {
  await tx
    .update(subMunicipalities)
    .set(figure)
    .where(
      and(eq(subMunicipalities.id, subMunicipalityId), eq(subMunicipalities.municipalityId, municipalityId)),
    );
}
