/** Provider organisations and their locations: daycare centres (group care) and childminders. */
import type {
  OpeningHours,
  providerLocations,
  providerOrganisations,
} from '../../platform/db/schema/index.ts';
import { slugify } from '../../shared/slug.ts';
import type { MunicipalitySpec, SubMunicipalitySpec } from './demo.geography.ts';
import {
  CHILDMINDER_FIRST_NAMES,
  CRECHE_NAMES,
  DAYCARE_FEATURES,
  DAYCARE_NAMES,
  FAMILY_CARE_SERVICES,
  NAMES,
} from './demo.names.ts';
import type { Random } from './demo.random.ts';

type OrganisationRow = typeof providerOrganisations.$inferInsert;
type LocationRow = typeof providerLocations.$inferInsert;

export type PlacedSub = { id: string; spec: SubMunicipalitySpec };
export type PlacedMunicipality = { id: string; index: number; spec: MunicipalitySpec; subs: PlacedSub[] };

/** What the request generator needs to know of a location. */
export type LocationRef = {
  id: string;
  name: string;
  municipalityIndex: number;
  subId: string;
  careType: 'group' | 'family';
  capacity: number;
  inclusiveCare: boolean;
  occasionalCare: boolean;
  /** Relative chance that a family puts it among its preferences. */
  popularity: number;
};

export type GeneratedProviders = {
  organisations: OrganisationRow[];
  locations: LocationRow[];
  refs: LocationRef[];
  /** 'Kinderdagverblijf De Speelvogel' in Leuven: the big centre with the longest waiting list. */
  speelvogel: LocationRef;
  /** 'Onthaalouder Marleen Peeters', a childminder in Kessel-Lo. */
  childminder: LocationRef;
};

const DAY = 86_400_000;

/** Splits `total` over the municipalities in proportion to `weights` (largest remainder), min 1 each. */
export function apportion(total: number, weights: readonly number[], minimum: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map((x, i) => Math.max(Math.floor(x), minimum[i] ?? 0));
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; missing > 0 && k < order.length * 4; k++) {
    const i = (order[k % order.length] as { i: number }).i;
    counts[i] = (counts[i] ?? 0) + 1;
    missing--;
  }
  return counts;
}

function enterpriseNumber(r: Random): string {
  const first8 = `0${r.int(2_000_000, 8_999_999)}`;
  const check = String(97 - (Number(first8) % 97)).padStart(2, '0');
  const digits = `${first8}${check}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

function openingHours(r: Random, careType: 'group' | 'family'): OpeningHours {
  const opens = r.pick(
    careType === 'group'
      ? ['07:00', '07:00', '07:30', '07:30', '07:30', '08:00']
      : ['07:00', '07:30', '07:30', '08:00'],
  );
  const closes = r.pick(
    careType === 'group'
      ? ['17:30', '18:00', '18:00', '18:30', '18:30', '19:00']
      : ['17:30', '18:00', '18:00', '18:30'],
  );
  const day = { opens, closes };
  const hours: OpeningHours = { mon: day, tue: day, wed: day, thu: day, fri: day };
  if (careType === 'family' && r.chance(0.25)) {
    if (r.chance(0.5)) delete hours.wed;
    else hours.wed = { opens, closes: '12:30' };
  }
  return hours;
}

function languages(r: Random, careType: 'group' | 'family', urban: boolean, creche: boolean): string[] {
  if (creche) return ['fr', 'nl'];
  if (careType === 'family')
    return r.weighted({ nl: 0.85, fr: 0.08, en: 0.07 }) === 'nl' ? ['nl'] : ['nl', r.pick(['fr', 'en'])];
  if (!urban) return r.chance(0.1) ? ['nl', 'fr'] : ['nl'];
  const choice = r.weighted({ nl: 0.6, nlEn: 0.25, all: 0.1, nlFr: 0.05 });
  return { nl: ['nl'], nlEn: ['nl', 'en'], all: ['nl', 'fr', 'en'], nlFr: ['nl', 'fr'] }[choice];
}

function subsidyLevel(r: Random, careType: 'group' | 'family'): number {
  const level =
    careType === 'group'
      ? r.weighted({ l3: 0.35, l2: 0.45, l1: 0.1, l0: 0.1 })
      : r.weighted({ l3: 0.3, l2: 0.5, l1: 0.15, l0: 0.05 });
  return Number(level.slice(1));
}

function describe(
  r: Random,
  loc: { name: string; careType: 'group' | 'family'; capacity: number; minAge: number; subsidy: number },
  sub: string,
  firstName: string,
) {
  const income = loc.subsidy >= 2;
  const price = income
    ? {
        nl: 'Je betaalt een inkomenstarief.',
        fr: 'Vous payez un tarif selon vos revenus.',
        en: 'You pay an income-related tariff.',
      }
    : {
        nl: 'We werken met een vaste dagprijs.',
        fr: 'Nous appliquons un prix journalier fixe.',
        en: 'We charge a fixed daily price.',
      };
  if (loc.careType === 'family') {
    return {
      nl: `Ik ben ${firstName}, onthaalouder in ${sub}. Bij mij thuis vang ik maximaal ${loc.capacity} kinderen op in een huiselijke sfeer. ${price.nl}`,
      fr: `Je suis ${firstName}, accueillante à domicile à ${sub}. J’accueille au maximum ${loc.capacity} enfants dans une ambiance familiale. ${price.fr}`,
      en: `I’m ${firstName}, a childminder in ${sub}. I look after at most ${loc.capacity} children in a homely setting. ${price.en}`,
    };
  }
  const feature = r.pick(DAYCARE_FEATURES);
  const age =
    loc.minAge === 0
      ? { nl: '0', fr: '0', en: '0' }
      : { nl: `${loc.minAge} maanden`, fr: `${loc.minAge} mois`, en: `${loc.minAge} months` };
  return {
    nl: `${loc.name} is een kinderdagverblijf in ${sub} voor ${loc.capacity} kinderen van ${age.nl} tot 3 jaar. ${price.nl} ${feature.nl}`,
    fr: `${loc.name} est une crèche à ${sub} pour ${loc.capacity} enfants de ${age.fr} à 3 ans. ${price.fr} ${feature.fr}`,
    en: `${loc.name} is a daycare centre in ${sub} for ${loc.capacity} children aged ${age.en} to 3 years. ${price.en} ${feature.en}`,
  };
}

type Organisation = { id: string; base: string; prefix: string; count: number; municipalityIndex: number };

export function generateProviders(
  r: Random,
  municipalities: readonly PlacedMunicipality[],
  totalLocations: number,
  now: number,
): GeneratedProviders {
  const organisations: OrganisationRow[] = [];
  const locations: LocationRow[] = [];
  const refs: LocationRef[] = [];
  const usedNames = new Set<string>();
  const services = new Map<string, string>();

  const newOrganisation = (name: string, withNumber: boolean): string => {
    const id = r.uuid();
    organisations.push({
      id,
      name,
      enterpriseNumber: withNumber ? enterpriseNumber(r) : null,
      createdAt: new Date(now - r.int(400, 4_000) * DAY),
    });
    return id;
  };
  const uniqueName = (name: string, sub: string): string => {
    let candidate = usedNames.has(name) ? `${name} ${sub}` : name;
    for (let i = 2; usedNames.has(candidate); i++) candidate = `${name} ${sub} ${i}`;
    usedNames.add(candidate);
    return candidate;
  };

  const weights = municipalities.map((m) => m.spec.subs.reduce((n, s) => n + s.children0to3, 0) ** 0.75);
  const counts = apportion(
    Math.max(totalLocations, municipalities.length + 1),
    weights,
    municipalities.map((m) => (m.index === 0 ? 2 : 1)),
  );

  const addLocation = (
    m: PlacedMunicipality,
    sub: PlacedSub,
    organisationId: string,
    fields: {
      name: string;
      careType: 'group' | 'family';
      capacity: number;
      subsidy: number;
      firstName: string;
      creche?: boolean;
    },
  ): LocationRef => {
    const id = r.uuid();
    const minAge = r.chance(0.8) ? 0 : 3;
    const slug = slugify(fields.name);
    const areaCode = m.spec.desk.phone.split(' ')[0] ?? '016';
    const inclusiveCare = r.chance(fields.careType === 'group' ? 0.25 : 0.1);
    const occasionalCare = r.chance(fields.careType === 'group' ? 0.2 : 0.15);
    locations.push({
      id,
      organisationId,
      municipalityId: m.id,
      subMunicipalityId: sub.id,
      name: fields.name,
      careType: fields.careType,
      subsidyLevel: fields.subsidy,
      street: r.pick(sub.spec.streets),
      houseNumber: `${r.int(1, 180)}${r.chance(0.1) ? r.pick(['A', 'B', ' bus 2']) : ''}`,
      postcode: sub.spec.postcode,
      city: sub.spec.name,
      latitude: Number((sub.spec.lat + r.float(-0.007, 0.007)).toFixed(6)),
      longitude: Number((sub.spec.lon + r.float(-0.01, 0.01)).toFixed(6)),
      capacity: fields.capacity,
      minAgeMonths: minAge,
      maxAgeMonths: r.chance(0.85) ? 36 : 42,
      openingHours: openingHours(r, fields.careType),
      languages: languages(r, fields.careType, m.spec.urban, fields.creche ?? false),
      inclusiveCare,
      occasionalCare,
      description: describe(r, { ...fields, minAge }, sub.spec.name, fields.firstName),
      email: `${slug.slice(0, 40)}@opvang.example`,
      phone: `${areaCode} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
      website: fields.careType === 'group' && r.chance(0.4) ? `https://${slug.slice(0, 40)}.example` : null,
      // Every row names the same columns: the bulk insert reads them from one JSON record set.
      outOfSchoolHours: {},
      schoolsServed: [],
      active: true,
      createdAt: new Date(now - r.int(60, 3_000) * DAY),
    });
    const popularity =
      Math.sqrt(fields.capacity) * (fields.careType === 'group' && fields.subsidy >= 2 ? 1.3 : 0.9);
    const ref: LocationRef = {
      id,
      name: fields.name,
      municipalityIndex: m.index,
      subId: sub.id,
      careType: fields.careType,
      capacity: fields.capacity,
      inclusiveCare,
      occasionalCare,
      popularity,
    };
    refs.push(ref);
    return ref;
  };

  const childminder = (m: PlacedMunicipality, sub: PlacedSub, first: string, last: string): LocationRef => {
    const independent = r.chance(0.4);
    let organisationId: string;
    if (independent) {
      organisationId = newOrganisation(`${first} ${last}`, r.chance(0.5));
    } else {
      const serviceName = r.pick(FAMILY_CARE_SERVICES);
      organisationId = services.get(serviceName) ?? newOrganisation(serviceName, true);
      services.set(serviceName, organisationId);
    }
    const name = uniqueName(`Onthaalouder ${first} ${last}`, sub.spec.name);
    const capacity = r.pick([4, 6, 7, 8, 8, 8]);
    return addLocation(m, sub, organisationId, {
      name,
      careType: 'family',
      capacity,
      subsidy: subsidyLevel(r, 'family'),
      firstName: first,
    });
  };

  let speelvogel: LocationRef | undefined;
  let fixedChildminder: LocationRef | undefined;

  for (const m of municipalities) {
    const count = counts[m.index] ?? 1;
    const subAt = (name: string) => m.subs.find((s) => s.spec.name === name) ?? (m.subs[0] as PlacedSub);
    const pickSub = () => r.sampleWeighted(m.subs, 1, (s) => s.spec.children0to3)[0] as PlacedSub;
    let made = 0;
    if (m.index === 0) {
      const orgId = newOrganisation('vzw De Speelvogel', true);
      usedNames.add('Kinderdagverblijf De Speelvogel');
      speelvogel = addLocation(m, subAt('Leuven'), orgId, {
        name: 'Kinderdagverblijf De Speelvogel',
        careType: 'group',
        capacity: 98,
        subsidy: 3,
        firstName: '',
      });
      speelvogel.popularity *= 2.5;
      fixedChildminder = childminder(m, subAt('Kessel-Lo'), 'Marleen', 'Peeters');
      made = 2;
    }
    const groupShare = m.spec.urban ? 0.55 : 0.4;
    const namePool = r.shuffle(DAYCARE_NAMES);
    const crechePool = m.spec.urban ? r.shuffle(CRECHE_NAMES) : [];
    const orgs: Organisation[] = [];
    let municipal: Organisation | undefined;
    for (let k = made; k < count; k++) {
      const sub = pickSub();
      if (!r.chance(groupShare)) {
        const last = r.pick(NAMES.flemish.last);
        childminder(m, sub, r.pick(CHILDMINDER_FIRST_NAMES), last);
        continue;
      }
      const capacity = r.pick([14, 18, 21, 28, 28, 36, 36, 42, 49, 56, 63, 70, 84]);
      const joinable = orgs.filter((o) => o.count < 3);
      if (m.spec.urban && !municipal && k >= 3) {
        const id = newOrganisation(`Stad ${m.spec.name} – Stedelijke Kinderopvang`, true);
        municipal = {
          id,
          base: namePool.pop() ?? 'De Wielewaal',
          prefix: 'Stedelijk Kinderdagverblijf',
          count: 0,
          municipalityIndex: m.index,
        };
        orgs.push(municipal);
      }
      let org: Organisation;
      let name: string;
      if (municipal && municipal.count < 3) {
        org = municipal;
        name = `${org.prefix} ${municipal.count === 0 ? org.base : (namePool.pop() ?? sub.spec.name)}`;
      } else if (joinable.length > 0 && r.chance(0.25)) {
        org = r.pick(joinable);
        name = `${org.prefix} ${org.base} ${sub.spec.name}`;
      } else {
        const creche = crechePool.length > 0 && r.chance(0.1);
        const base = creche ? (crechePool.pop() as string) : (namePool.pop() ?? r.pick(DAYCARE_NAMES));
        const prefix = creche
          ? 'Crèche'
          : r.pick([
              'Kinderdagverblijf',
              'Kinderdagverblijf',
              'Kinderdagverblijf',
              'KDV',
              'KDV',
              'Kinderopvang',
              'Babyhuis',
              'Minicrèche',
            ]);
        org = {
          id: newOrganisation(`vzw ${base}`, true),
          base,
          prefix,
          count: 0,
          municipalityIndex: m.index,
        };
        orgs.push(org);
        name = `${prefix} ${base}`;
      }
      org.count++;
      name = uniqueName(name, sub.spec.name);
      const subsidy = org === municipal ? 3 : subsidyLevel(r, 'group');
      addLocation(m, sub, org.id, {
        name,
        careType: 'group',
        capacity,
        subsidy,
        firstName: '',
        creche: org.prefix === 'Crèche',
      });
    }
  }
  if (!speelvogel || !fixedChildminder) throw new Error('the demo region needs Leuven');
  const leuven = municipalities.find((m) => m.index === 0);
  if (leuven) addOutOfSchoolCare(leuven, organisations, locations, now);
  return { organisations, locations, refs, speelvogel, childminder: fixedChildminder };
}

/**
 * Two out-of-school care locations in Leuven (buitenschoolse opvang for school children), with
 * fixed ids and values so the rest of the demo draws the same random numbers as before. They are
 * not among the request generator's refs: no request names them, and they count nowhere as baby
 * and toddler capacity.
 */
function addOutOfSchoolCare(
  m: PlacedMunicipality,
  organisations: OrganisationRow[],
  locations: LocationRow[],
  now: number,
): void {
  const subAt = (name: string) => m.subs.find((s) => s.spec.name === name) ?? (m.subs[0] as PlacedSub);
  const city = 'a0c5c4ee-0000-4000-8000-000000000001';
  const vzw = 'a0c5c4ee-0000-4000-8000-000000000002';
  organisations.push(
    {
      id: city,
      name: `Stad ${m.spec.name} – Buitenschoolse Opvang`,
      kind: 'local_authority',
      municipalityId: m.id,
      createdAt: new Date(now - 900 * DAY),
    },
    {
      id: vzw,
      name: 'vzw Het Speelhuis',
      kind: 'non_profit',
      municipalityId: m.id,
      createdAt: new Date(now - 500 * DAY),
    },
  );
  const base = (sub: PlacedSub) => ({
    municipalityId: m.id,
    subMunicipalityId: sub.id,
    postcode: sub.spec.postcode,
    city: sub.spec.name,
    street: sub.spec.streets[0] ?? 'Schoolstraat',
    latitude: Number((sub.spec.lat + 0.002).toFixed(6)),
    longitude: Number((sub.spec.lon - 0.003).toFixed(6)),
    languages: ['nl'],
    // Every row names the same columns as the others (one JSON record set in the bulk insert).
    openingHours: {},
    inclusiveCare: false,
    occasionalCare: false,
    website: null,
    active: true,
    createdAt: new Date(now - 400 * DAY),
  });
  const kesselLo = subAt('Kessel-Lo');
  const heverlee = subAt('Heverlee');
  locations.push(
    {
      ...base(kesselLo),
      id: 'a0c5c4ee-0000-4000-8000-000000000011',
      organisationId: city,
      name: 'IBO De Vlinder',
      careType: 'out_of_school',
      subsidyLevel: 2,
      houseNumber: '12',
      capacity: 60,
      minAgeMonths: 30,
      maxAgeMonths: 144,
      outOfSchoolHours: {
        beforeSchool: { opens: '07:00', closes: '08:30' },
        afterSchool: { opens: '15:30', closes: '18:30' },
        wednesdayAfternoon: { opens: '12:00', closes: '18:30' },
        schoolHolidays: { opens: '07:30', closes: '18:00' },
      },
      schoolsServed: ['Basisschool De Linde', 'Sint-Victorschool', 'Stedelijke Basisschool Kessel-Lo'],
      description: {
        nl: 'Het initiatief buitenschoolse opvang van de stad, voor kleuters en lagereschoolkinderen: voor en na school, op woensdagnamiddag en in de schoolvakanties. We halen de kinderen op aan de school.',
        fr: 'L’accueil extrascolaire de la ville, pour les enfants de maternelle et de primaire : avant et après l’école, le mercredi après-midi et pendant les vacances. Nous allons chercher les enfants à l’école.',
        en: 'The city’s out-of-school care for nursery and primary school children: before and after school, on Wednesday afternoons and in the school holidays. We pick the children up at school.',
      },
      priceInfo: {
        nl: 'Prijs per begonnen half uur; sociaal tarief op vraag.',
        fr: 'Prix par demi-heure entamée ; tarif social sur demande.',
        en: 'Price per half hour begun; social rate on request.',
      },
      email: 'ibo.devlinder@opvang.example',
      phone: '016 27 40 00',
    },
    {
      ...base(heverlee),
      id: 'a0c5c4ee-0000-4000-8000-000000000012',
      organisationId: vzw,
      name: 'Buitenschoolse Opvang Het Speelhuis',
      careType: 'out_of_school',
      subsidyLevel: 1,
      houseNumber: '5',
      capacity: 28,
      minAgeMonths: 36,
      maxAgeMonths: 144,
      outOfSchoolHours: {
        beforeSchool: { opens: '07:15', closes: '08:20' },
        afterSchool: { opens: '15:20', closes: '18:00' },
      },
      schoolsServed: ['Basisschool Heverlee Centrum', 'Sint-Jozefschool Heverlee'],
      description: {
        nl: 'Kleine buitenschoolse opvang voor en na school, vlak bij de scholen van Heverlee.',
        fr: 'Petit accueil extrascolaire avant et après l’école, tout près des écoles d’Heverlee.',
        en: 'Small out-of-school care before and after school, close to the schools of Heverlee.',
      },
      email: 'speelhuis@opvang.example',
      phone: '016 40 11 22',
    },
  );
}
