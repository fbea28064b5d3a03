/** Test scenario of the public site: a small region with locations that differ in every filter. */

import { aMunicipality, aProviderLocation, aRegion } from '../../../test/builders.ts';
import { type Database, schema } from '../../platform/db/index.ts';
import type { OpeningHours } from '../../platform/db/schema/index.ts';

const week = (opens: string, closes: string): OpeningHours => ({
  mon: { opens, closes },
  tue: { opens, closes },
  wed: { opens, closes },
  thu: { opens, closes },
  fri: { opens, closes },
});

export async function aPublicSiteScenario(db: Database) {
  const region = await aRegion(db);
  const leuven = await aMunicipality(db, {
    regionId: region.id,
    name: 'Leuven',
    deskPhone: '016 27 26 00',
    deskEmail: 'kinderopvang@leuven.example',
    deskAddress: 'Professor Van Overstraetenplein 1, 3000 Leuven',
    deskOpeningHours: {
      nl: 'Maandag tot vrijdag van 9 tot 12 uur',
      fr: 'Du lundi au vendredi de 9 h à 12 h',
    },
  });
  const herent = await aMunicipality(db, { regionId: region.id, name: 'Herent' });
  const [centrum, heverlee] = await db
    .insert(schema.subMunicipalities)
    .values([
      { municipalityId: leuven.id, name: 'Leuven', postcode: '3000' },
      { municipalityId: leuven.id, name: 'Heverlee', postcode: '3001' },
    ])
    .returning();
  if (!centrum || !heverlee) throw new Error('insert failed');

  const centre = await aProviderLocation(db, {
    municipalityId: leuven.id,
    subMunicipalityId: centrum.id,
    name: 'KDV Centrum',
    careType: 'group',
    subsidyLevel: 3,
    latitude: 50.8798,
    longitude: 4.7005,
    openingHours: week('07:00', '18:30'),
    languages: ['nl', 'en'],
    inclusiveCare: true,
    description: { nl: 'Een groot kinderdagverblijf in het centrum.', fr: 'Une grande crèche au centre.' },
    priceInfo: { nl: 'Inkomenstarief volgens attest.' },
    closingPeriods: [
      { from: '2026-12-24', until: '2027-01-01', reason: { nl: 'Kerstverlof', en: 'Christmas holiday' } },
      { from: '2026-07-20', until: '2026-08-07', reason: { nl: 'Zomer' } },
    ],
    phone: '016 11 22 33',
    email: 'centrum@opvang.example',
  });
  const south = await aProviderLocation(db, {
    municipalityId: leuven.id,
    subMunicipalityId: heverlee.id,
    name: 'KDV Heverlee',
    careType: 'group',
    subsidyLevel: 1,
    latitude: 50.864,
    longitude: 4.695,
    openingHours: week('07:30', '18:00'),
    languages: ['nl'],
    occasionalCare: true,
    minAgeMonths: 3,
    postcode: '3001',
    city: 'Heverlee',
  });
  const childminder = await aProviderLocation(db, {
    municipalityId: leuven.id,
    name: 'Onthaalouder Anna',
    careType: 'family',
    subsidyLevel: 2,
    capacity: 8,
    latitude: 50.8886,
    longitude: 4.7256,
    openingHours: {
      mon: { opens: '08:00', closes: '17:30' },
      tue: { opens: '08:00', closes: '17:30' },
      thu: { opens: '08:00', closes: '17:30' },
      fri: { opens: '08:00', closes: '17:30' },
    },
    languages: ['nl', 'fr'],
    postcode: '3010',
    city: 'Kessel-Lo',
  });
  const north = await aProviderLocation(db, {
    municipalityId: herent.id,
    name: 'KDV Herent',
    careType: 'group',
    subsidyLevel: 2,
    latitude: 50.908,
    longitude: 4.67,
    openingHours: week('06:30', '19:00'),
    maxAgeMonths: 30,
    postcode: '3020',
    city: 'Herent',
  });
  const closed = await aProviderLocation(db, {
    municipalityId: leuven.id,
    name: 'KDV Gesloten',
    active: false,
    latitude: 50.8798,
    longitude: 4.7005,
  });
  return { region, leuven, herent, centrum, heverlee, centre, south, childminder, north, closed };
}

export type PublicSiteScenario = Awaited<ReturnType<typeof aPublicSiteScenario>>;
