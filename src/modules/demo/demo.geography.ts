/**
 * The places of the demo region: Leuven with its sub-municipalities, its real neighbours, and
 * beyond those made-up municipalities (for the large scales) with fake NIS codes starting with 9.
 */
import type { Translated } from '../../platform/db/schema/index.ts';
import { slugify } from '../../shared/slug.ts';
import type { Random } from './demo.random.ts';

export type SubMunicipalitySpec = {
  name: string;
  postcode: string;
  lat: number;
  lon: number;
  children0to3: number;
  streets: readonly string[];
};

export type MunicipalitySpec = {
  name: string;
  nisCode: string;
  slug: string;
  lat: number;
  lon: number;
  /** A city has more daycare centres and relatively fewer childminders. */
  urban: boolean;
  subs: SubMunicipalitySpec[];
  desk: { email: string; phone: string; address: string; openingHours: Translated };
};

const COMMON_STREETS = [
  'Kerkstraat',
  'Stationsstraat',
  'Dorpsstraat',
  'Molenstraat',
  'Schoolstraat',
  'Nieuwstraat',
  'Kapelstraat',
  'Veldstraat',
  'Beukenlaan',
  'Lindelaan',
  'Kastanjelaan',
  'Bergstraat',
  'Processieweg',
  'Bosstraat',
  'Hoogstraat',
] as const;

function sub(
  name: string,
  postcode: string,
  lat: number,
  lon: number,
  children0to3: number,
  streets: readonly string[],
): SubMunicipalitySpec {
  return { name, postcode, lat, lon, children0to3, streets };
}

const STANDARD_HOURS: Translated = {
  nl: 'Maandag tot vrijdag van 9 tot 12 uur; woensdag ook van 14 tot 16 uur.',
  fr: 'Du lundi au vendredi de 9 h à 12 h\u202f; le mercredi aussi de 14 h à 16 h.',
  en: 'Monday to Friday 9 am – 12 noon; Wednesdays also 2 pm – 4 pm.',
};

const LEUVEN: MunicipalitySpec = {
  name: 'Leuven',
  nisCode: '24062',
  slug: 'leuven',
  lat: 50.8798,
  lon: 4.7005,
  urban: true,
  subs: [
    sub('Leuven', '3000', 50.8798, 4.7005, 1_420, [
      'Bondgenotenlaan',
      'Naamsestraat',
      'Tiensestraat',
      'Brusselsestraat',
      'Diestsestraat',
      'Parijsstraat',
      'Vesaliusstraat',
      'Mechelsestraat',
      'Tervuursevest',
      'Kapucijnenvoer',
      'Minderbroedersstraat',
      'Vaartstraat',
      'Dirk Boutslaan',
      'Blijde-Inkomststraat',
      'Ridderstraat',
    ]),
    sub('Heverlee', '3001', 50.864, 4.695, 1_260, [
      'Naamsesteenweg',
      'Celestijnenlaan',
      'Kardinaal Mercierlaan',
      'Tervuursesteenweg',
      'Waversebaan',
      'Egenhovenweg',
      'Geldenaaksebaan',
      'Groenveldstraat',
      'Arenbergstraat',
      'Sint-Jansbergsesteenweg',
      'Hertogstraat',
      'Ter Elstplein',
    ]),
    sub('Kessel-Lo', '3010', 50.8886, 4.7256, 1_480, [
      'Diestsesteenweg',
      'Tiensesteenweg',
      'Jan Stasstraat',
      'Martelarenlaan',
      'Koning Albertlaan',
      'Holsbeeksesteenweg',
      'Kesselberg',
      'IJzerenmolenstraat',
      'Lostraat',
      'Gemeentestraat',
      'Pleinstraat',
      'Platte-Lostraat',
    ]),
    sub('Wilsele', '3012', 50.902, 4.699, 860, [
      'Aarschotsesteenweg',
      'Wilselsesteenweg',
      'Leopoldstraat',
      'Kwikstraat',
      'Rijschoolstraat',
      'Vlamingenstraat',
      'Sint-Martinusstraat',
      'Kortrijksestraat',
    ]),
    sub('Wijgmaal', '3018', 50.927, 4.7, 810, [
      'Wijgmaalsesteenweg',
      'Lipsestraat',
      'Wakkerzeelsebaan',
      'Remi Van de Wielelaan',
      'Sint-Hubertusstraat',
      'Kleine Dijlestraat',
    ]),
  ],
  desk: {
    email: 'kinderopvang@leuven.example',
    phone: '016 27 26 00',
    address: 'Professor Van Overstraetenplein 1, 3000 Leuven',
    openingHours: {
      nl: 'Maandag tot vrijdag van 9 tot 12.30 uur; donderdag ook van 14 tot 19 uur. Ook op afspraak.',
      fr: 'Du lundi au vendredi de 9 h à 12 h 30\u202f; le jeudi aussi de 14 h à 19 h. Aussi sur rendez-vous.',
      en: 'Monday to Friday 9 am – 12.30 pm; Thursdays also 2 pm – 7 pm. Or by appointment.',
    },
  },
};

const HERENT: MunicipalitySpec = {
  name: 'Herent',
  nisCode: '24038',
  slug: 'herent',
  lat: 50.908,
  lon: 4.67,
  urban: false,
  subs: [
    sub('Herent', '3020', 50.908, 4.67, 430, [
      'Wilselsesteenweg',
      'Mechelsesteenweg',
      'Kerkstraat',
      'Ursulinenstraat',
      'Schoolstraat',
      'Kloosterstraat',
      'Molenstraat',
    ]),
    sub('Veltem-Beisem', '3020', 50.9, 4.63, 220, ['Dorpsstraat', 'Lostraat', 'Bergstraat', 'Beisemstraat']),
    sub('Winksele', '3020', 50.895, 4.645, 200, ['Delle', 'Kapelstraat', 'Winkselsesteenweg', 'Dorpsplein']),
  ],
  desk: {
    email: 'kinderopvang@herent.example',
    phone: '016 85 30 00',
    address: 'Wilselsesteenweg 28, 3020 Herent',
    openingHours: STANDARD_HOURS,
  },
};

const BERTEM: MunicipalitySpec = {
  name: 'Bertem',
  nisCode: '24009',
  slug: 'bertem',
  lat: 50.865,
  lon: 4.63,
  urban: false,
  subs: [
    sub('Bertem', '3060', 50.865, 4.63, 170, ['Dorpstraat', 'Tervuursesteenweg', 'Bruinsveld', 'Kerkstraat']),
    sub('Korbeek-Dijle', '3060', 50.86, 4.64, 110, ['Oude Baan', 'Veldstraat', 'Korbeekdamstraat']),
    sub('Leefdaal', '3061', 50.845, 4.6, 140, ['Dorpsstraat', 'Vossemstraat', 'Kasteelstraat']),
  ],
  desk: {
    email: 'kinderopvang@bertem.example',
    phone: '016 49 91 10',
    address: 'Dorpstraat 386, 3060 Bertem',
    openingHours: STANDARD_HOURS,
  },
};

/** Further real municipalities around Leuven, nearest first: [name, nis, postcode, lat, lon]. */
const NEIGHBOURS: readonly (readonly [string, string, string, number, number])[] = [
  ['Kortenberg', '24055', '3070', 50.88, 4.54],
  ['Oud-Heverlee', '24086', '3050', 50.83, 4.66],
  ['Holsbeek', '24043', '3220', 50.92, 4.76],
  ['Rotselaar', '24094', '3110', 50.95, 4.72],
  ['Bierbeek', '24011', '3360', 50.83, 4.76],
  ['Lubbeek', '24066', '3210', 50.88, 4.84],
  ['Huldenberg', '24045', '3040', 50.79, 4.58],
  ['Tervuren', '24104', '3080', 50.82, 4.51],
  ['Boutersem', '24016', '3370', 50.84, 4.84],
  ['Haacht', '24033', '3150', 50.98, 4.64],
  ['Tielt-Winge', '24135', '3390', 50.92, 4.89],
  ['Aarschot', '24001', '3200', 50.985, 4.837],
  ['Tienen', '24107', '3300', 50.81, 4.94],
  ['Keerbergen', '24048', '3140', 51.0, 4.63],
  ['Tremelo', '24109', '3120', 51.0, 4.71],
  ['Boortmeerbeek', '24014', '3190', 50.98, 4.57],
  ['Begijnendijk', '24007', '3130', 51.02, 4.78],
  ['Glabbeek', '24137', '3380', 50.87, 4.95],
  ['Scherpenheuvel-Zichem', '24134', '3270', 51.01, 4.98],
  ['Diest', '24020', '3290', 50.99, 5.05],
  ['Bekkevoort', '24008', '3460', 50.94, 5.03],
  ['Kortenaken', '24054', '3470', 50.91, 5.06],
  ['Geetbets', '24028', '3450', 50.89, 5.11],
  ['Linter', '24133', '3350', 50.83, 5.03],
  ['Hoegaarden', '24041', '3320', 50.78, 4.89],
  ['Zoutleeuw', '24130', '3440', 50.83, 5.1],
  ['Landen', '24059', '3400', 50.75, 5.08],
];

const MADE_UP_ROOTS = [
  'Aal',
  'Bel',
  'Dil',
  'Eke',
  'Gav',
  'Hul',
  'Kal',
  'Lier',
  'Mol',
  'Nev',
  'Oos',
  'Pul',
  'Rum',
  'Sle',
  'Ter',
  'Vel',
  'Wes',
  'Zan',
] as const;
const MADE_UP_ENDINGS = [
  'gem',
  'hove',
  'donk',
  'beek',
  'kerke',
  'zele',
  'hout',
  'rode',
  'berg',
  'loo',
] as const;

function simpleMunicipality(
  r: Random,
  name: string,
  nisCode: string,
  postcode: string,
  lat: number,
  lon: number,
): MunicipalitySpec {
  const slug = slugify(name);
  const subs = [sub(name, postcode, lat, lon, r.int(250, 1_300), COMMON_STREETS)];
  // Most municipalities merged several villages in 1977: give some a second and third one.
  const extra = r.int(0, 2);
  for (let i = 0; i < extra; i++) {
    const village = `${r.pick(['Sint-', 'Onze-Lieve-Vrouw-', '', ''])}${r.pick(MADE_UP_ROOTS)}${r.pick(MADE_UP_ENDINGS)}`;
    if (subs.some((s) => s.name === village)) continue;
    subs.push(
      sub(
        village,
        postcode,
        lat + r.float(-0.03, 0.03),
        lon + r.float(-0.04, 0.04),
        r.int(80, 400),
        COMMON_STREETS,
      ),
    );
  }
  return {
    name,
    nisCode,
    slug,
    lat,
    lon,
    urban: subs.reduce((n, s) => n + s.children0to3, 0) > 1_200,
    subs,
    desk: {
      email: `kinderopvang@${slug}.example`,
      phone: `0${r.int(11, 89)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
      address: `Gemeenteplein 1, ${postcode} ${name}`,
      openingHours: STANDARD_HOURS,
    },
  };
}

/** The first `count` municipalities of the demo region, Leuven first. */
export function municipalitySpecs(count: number, r: Random): MunicipalitySpec[] {
  const specs: MunicipalitySpec[] = [LEUVEN, HERENT, BERTEM].slice(0, count);
  for (const [name, nis, postcode, lat, lon] of NEIGHBOURS) {
    if (specs.length >= count) break;
    specs.push(simpleMunicipality(r, name, nis, postcode, lat, lon));
  }
  const prefixes = ['', 'Sint-'];
  let index = 0;
  while (specs.length < count) {
    const root = MADE_UP_ROOTS[index % MADE_UP_ROOTS.length] as string;
    const ending = MADE_UP_ENDINGS[
      Math.floor(index / MADE_UP_ROOTS.length) % MADE_UP_ENDINGS.length
    ] as string;
    const prefix =
      prefixes[Math.floor(index / (MADE_UP_ROOTS.length * MADE_UP_ENDINGS.length))] ?? `Nieuw-${index}-`;
    const name = `${prefix}${root}${ending}`;
    index++;
    const nis = `9${String(index).padStart(4, '0')}`;
    const postcode = String(1_500 + ((index * 37) % 8_000));
    specs.push(simpleMunicipality(r, name, nis, postcode, r.float(50.75, 51.3), r.float(2.7, 5.8)));
  }
  return specs;
}

/** The indexes of the `n` municipalities nearest to each one (families look there too). */
export function nearestNeighbours(specs: readonly MunicipalitySpec[], n: number): number[][] {
  return specs.map((a, i) =>
    specs
      .map((b, j) => ({ j, d: (a.lat - b.lat) ** 2 + ((a.lon - b.lon) * 0.63) ** 2 }))
      .filter((e) => e.j !== i)
      .sort((x, y) => x.d - y.d || x.j - y.j)
      .slice(0, n)
      .map((e) => e.j),
  );
}
