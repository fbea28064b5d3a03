/**
 * The public site's demo content: news, the desk's information pages, sick-child services,
 * last-minute places, and price information and closing periods for every location. It draws from
 * its own seeded source, so adding it changes none of the other demo rows.
 */
import { sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { ClosingPeriod, Translated } from '../../platform/db/schema/index.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import { DEMO_INFO_PAGES } from './demo.content.pages.ts';
import type { PlacedMunicipality } from './demo.providers.ts';
import { Random } from './demo.random.ts';
import { DAY } from './demo.time.ts';
import { insertAll } from './demo.writer.ts';

type LocationRow = typeof schema.providerLocations.$inferInsert;

export type DemoContentInput = {
  seed: number;
  now: number;
  today: LocalDate;
  regionId: string;
  municipalities: readonly PlacedMunicipality[];
  locations: readonly LocationRow[];
};

function priceInfo(r: Random, location: LocationRow): Translated {
  if (location.subsidyLevel >= 2) {
    return {
      nl: 'U betaalt een inkomenstarief: vraag uw attest aan bij Kind en Gezin en bezorg het ons vóór de start. Luiers, voeding en verzorgingsproducten zijn inbegrepen.',
      fr: 'Vous payez un tarif selon vos revenus\u00a0: demandez votre attestation à Kind en Gezin et remettez-la-nous avant le début. Langes, repas et produits de soin sont compris.',
      en: 'You pay an income-related tariff: ask Kind en Gezin for your certificate and give it to us before the start. Nappies, meals and care products are included.',
    };
  }
  const day = r.pick([32, 34, 36, 38, 40, 42, 45]);
  const half = Math.round(day * 0.6);
  return {
    nl: `Volle dag: € ${day}. Halve dag (minder dan 5 uur): € ${half}. Maaltijden inbegrepen; luiers brengt u zelf mee.`,
    fr: `Journée complète\u00a0: ${day} €. Demi-journée (moins de 5 heures)\u00a0: ${half} €. Repas compris\u202f; vous apportez les langes.`,
    en: `Full day: €${day}. Half day (less than 5 hours): €${half}. Meals included; please bring your own nappies.`,
  };
}

/** The next Christmas closure, the next summer closure and, for some, a bridge day. */
function closingPeriods(
  r: Random,
  today: LocalDate,
  careType: 'group' | 'family' | 'out_of_school',
): ClosingPeriod[] {
  const year = Number(today.slice(0, 4));
  const christmasYear = today > `${year}-12-23` ? year + 1 : year;
  const summerYear = today > `${year}-07-31` ? year + 1 : year;
  const summerStart = r.pick(['07-14', '07-21', '07-28', '08-04']);
  const summerWeeks = careType === 'group' ? r.int(2, 3) : r.int(2, 4);
  const summerFrom = `${summerYear}-${summerStart}` as LocalDate;
  const periods: ClosingPeriod[] = [
    {
      from: `${christmasYear}-12-24`,
      until: `${christmasYear + 1}-01-01`,
      reason: { nl: 'Kerstverlof', fr: 'Vacances de Noël', en: 'Christmas holiday' },
    },
    {
      from: summerFrom,
      until: addDays(summerFrom, summerWeeks * 7 - 3),
      reason: { nl: 'Zomersluiting', fr: 'Fermeture d’été', en: 'Summer closure' },
    },
  ];
  if (r.chance(0.4)) {
    const ascension = `${summerYear}-05-15` as LocalDate;
    periods.push({
      from: ascension,
      until: ascension,
      reason: { nl: 'Brugdag', fr: 'Jour de pont', en: 'Bridge day' },
    });
  }
  return periods.sort((a, b) => (a.from < b.from ? -1 : 1));
}

const NEWS: { daysAgo: number; leuvenOnly: boolean; title: Translated; body: Translated }[] = [
  {
    daysAgo: 3,
    leuvenOnly: true,
    title: {
      nl: 'Nieuw kinderdagverblijf in Kessel-Lo opent in het voorjaar',
      fr: 'Une nouvelle crèche ouvre à Kessel-Lo au printemps',
      en: 'New daycare centre in Kessel-Lo opens in spring',
    },
    body: {
      nl: 'In Kessel-Lo opent in het voorjaar een nieuw kinderdagverblijf met 42 plaatsen, allemaal met inkomenstarief. U kunt het vanaf nu kiezen in uw aanvraag.',
      fr: 'Une nouvelle crèche de 42 places, toutes au tarif selon les revenus, ouvre à Kessel-Lo au printemps. Vous pouvez déjà la choisir dans votre demande.',
      en: 'A new daycare centre with 42 places, all with an income-related tariff, opens in Kessel-Lo in spring. You can choose it in your request from now on.',
    },
  },
  {
    daysAgo: 10,
    leuvenOnly: false,
    title: {
      nl: 'Infoavond: kinderopvang zoeken voor uw eerste kindje',
      fr: 'Soirée d’information\u00a0: trouver un accueil pour votre premier enfant',
      en: 'Information evening: finding childcare for your first baby',
    },
    body: {
      nl: 'Het loket legt uit hoe u opvang aanvraagt, wanneer u best begint en hoe het inkomenstarief werkt. Donderdag om 19.30 uur in het Huis van het Kind. Gratis, inschrijven is niet nodig.',
      fr: 'Le guichet explique comment demander une place, quand commencer et comment fonctionne le tarif selon les revenus. Jeudi à 19 h 30 au Huis van het Kind. Gratuit, sans inscription.',
      en: 'The desk explains how to request childcare, when best to start and how the income-related tariff works. Thursday at 7.30 pm in the Huis van het Kind. Free, no need to register.',
    },
  },
  {
    daysAgo: 24,
    leuvenOnly: false,
    title: {
      nl: 'Bevestig uw aanvraag om op de wachtlijsten te blijven',
      fr: 'Confirmez votre demande pour rester sur les listes d’attente',
      en: 'Confirm your request to stay on the waiting lists',
    },
    body: {
      nl: 'Elke drie maanden vragen we u per e-mail of uw aanvraag nog actueel is. Bevestigt u niet, dan vervalt de aanvraag. Zo blijven de wachtlijsten juist.',
      fr: 'Tous les trois mois, nous vous demandons par e-mail si votre demande est toujours d’actualité. Sans confirmation, la demande expire. Ainsi, les listes d’attente restent exactes.',
      en: 'Every three months we ask you by e-mail whether your request is still current. If you do not confirm, the request expires. That keeps the waiting lists accurate.',
    },
  },
  {
    daysAgo: 52,
    leuvenOnly: false,
    title: {
      nl: 'Opnieuw de voorrangsregels van vóór 1 april 2024',
      fr: 'Les règles de priorité d’avant le 1er avril 2024 s’appliquent à nouveau',
      en: 'The priority rules from before 1 April 2024 apply again',
    },
    body: {
      nl: 'Het Grondwettelijk Hof heeft de voorrangsregels van 1 april 2024 vernietigd (arrest nr. 72/2025 van 30 april 2025). Opvanglocaties met inkomenstarief passen opnieuw de regels van daarvoor toe. Op de pagina Voorrangsregels leest u welke regels vandaag gelden.',
      fr: 'La Cour constitutionnelle a annulé les règles de priorité du 1er avril 2024 (arrêt n° 72/2025 du 30 avril 2025). Les lieux d’accueil au tarif selon les revenus appliquent à nouveau les règles d’avant. La page Règles de priorité indique les règles en vigueur aujourd’hui.',
      en: 'The Constitutional Court annulled the priority rules of 1 April 2024 (judgment no. 72/2025 of 30 April 2025). Locations with an income-related tariff apply the earlier rules again. The Priority rules page shows the rules that apply today.',
    },
  },
  {
    daysAgo: 95,
    leuvenOnly: true,
    title: {
      nl: 'Het loket verhuist naar het Provinciehuis',
      fr: 'Le guichet déménage',
      en: 'The desk is moving',
    },
    body: {
      nl: 'Vanaf september vindt u het loket kinderopvang aan het Professor Van Overstraetenplein. De openingsuren blijven dezelfde.',
      fr: 'À partir de septembre, le guichet se trouve place Professor Van Overstraeten. Les heures d’ouverture ne changent pas.',
      en: 'From September the childcare desk is at Professor Van Overstraetenplein. The opening hours stay the same.',
    },
  },
];

const SICK_CHILD_SERVICES: Omit<typeof schema.sickChildServices.$inferInsert, 'regionId' | 'id'>[] = [
  {
    name: 'Ziekenoppas Gezinszorg Oost-Brabant',
    description: {
      nl: 'Een verzorgende komt bij u thuis voor uw zieke kind, zodat u kunt gaan werken.',
      fr: 'Une aide familiale vient chez vous garder votre enfant malade, pour que vous puissiez aller travailler.',
      en: 'A carer comes to your home to look after your sick child, so that you can go to work.',
    },
    phone: '016 24 35 46',
    website: 'https://ziekenoppas-oostbrabant.example',
    area: {
      nl: 'Leuven en de omliggende gemeenten',
      fr: 'Louvain et les communes voisines',
      en: 'Leuven and the surrounding municipalities',
    },
    conditions: {
      nl: 'Kinderen van 0 tot 12 jaar. U betaalt volgens uw inkomen; veel ziekenfondsen betalen een deel terug.',
      fr: 'Enfants de 0 à 12 ans. Vous payez selon vos revenus\u202f; de nombreuses mutualités remboursent une partie.',
      en: 'Children aged 0 to 12. You pay according to your income; many health insurance funds pay part back.',
    },
    hours: {
      nl: 'Bellen op werkdagen van 7 tot 9 uur en van 16 tot 18 uur; opvang van 7 tot 19 uur.',
      fr: 'Appeler en semaine de 7 h à 9 h et de 16 h à 18 h\u202f; garde de 7 h à 19 h.',
      en: 'Call on working days 7–9 am and 4–6 pm; care from 7 am to 7 pm.',
    },
    sortOrder: 1,
  },
  {
    name: 'Thuisoppas Ziek Kind – Ziekenfonds',
    description: {
      nl: 'Oppas aan huis voor een ziek kind, georganiseerd door het ziekenfonds voor zijn leden.',
      fr: 'Garde à domicile d’un enfant malade, organisée par la mutualité pour ses membres.',
      en: 'Home care for a sick child, organised by the health insurance fund for its members.',
    },
    phone: '078 15 16 17',
    website: 'https://thuisoppas.example',
    area: { nl: 'Heel Vlaams-Brabant', fr: 'Tout le Brabant flamand', en: 'All of Flemish Brabant' },
    conditions: {
      nl: 'Voor leden van het ziekenfonds: kinderen tot 14 jaar, maximaal 10 dagen per jaar per kind.',
      fr: 'Pour les membres de la mutualité\u00a0: enfants jusqu’à 14 ans, au maximum 10 jours par an et par enfant.',
      en: 'For members of the health insurance fund: children up to 14, at most 10 days a year per child.',
    },
    hours: {
      nl: 'Aanvragen de dag voordien vóór 17 uur of dezelfde dag vóór 8.30 uur.',
      fr: 'Demander la veille avant 17 h ou le jour même avant 8 h 30.',
      en: 'Ask the day before by 5 pm or the same day by 8.30 am.',
    },
    sortOrder: 2,
  },
  {
    name: 'Oppasdienst Gezinsbond Leuven',
    description: {
      nl: 'Vrijwillige oppassers van de Gezinsbond passen bij u thuis op een ziek kind.',
      fr: 'Des bénévoles de la Gezinsbond gardent un enfant malade chez vous.',
      en: 'Volunteer sitters of the Gezinsbond look after a sick child in your home.',
    },
    phone: '016 22 11 00',
    website: null,
    area: {
      nl: 'Leuven, Herent en Bertem',
      fr: 'Louvain, Herent et Bertem',
      en: 'Leuven, Herent and Bertem',
    },
    conditions: {
      nl: 'Voor leden van de Gezinsbond; vrijwillige oppassers met een vaste vergoeding per uur.',
      fr: 'Pour les membres de la Gezinsbond\u202f; gardes bénévoles avec une indemnité horaire fixe.',
      en: 'For members of the Gezinsbond; volunteer sitters with a fixed hourly fee.',
    },
    hours: {
      nl: 'Elke dag van 8 tot 20 uur, ook in het weekend.',
      fr: 'Tous les jours de 8 h à 20 h, aussi le week-end.',
      en: 'Every day 8 am to 8 pm, weekends included.',
    },
    sortOrder: 3,
  },
  {
    name: 'Ziek Kind Thuis – OCMW Leuven',
    description: {
      nl: 'Het OCMW zorgt voor opvang van een ziek kind bij u thuis voor gezinnen die het moeilijk hebben.',
      fr: 'Le CPAS organise la garde à domicile d’un enfant malade pour les familles en difficulté.',
      en: 'The public social welfare centre arranges home care for a sick child for families who struggle.',
    },
    phone: '016 24 80 00',
    website: 'https://ocmw-leuven.example/ziek-kind',
    area: { nl: 'Stad Leuven', fr: 'Ville de Louvain', en: 'City of Leuven' },
    conditions: {
      nl: 'Voor gezinnen die het financieel moeilijk hebben; gratis of aan een verminderd tarief. Het loket helpt u bij de aanvraag.',
      fr: 'Pour les familles en difficulté financière\u202f; gratuit ou à tarif réduit. Le guichet vous aide à faire la demande.',
      en: 'For families with financial difficulties; free or at a reduced rate. The desk helps you apply.',
    },
    hours: {
      nl: 'Werkdagen van 8 tot 17 uur.',
      fr: 'Jours ouvrables de 8 h à 17 h.',
      en: 'Working days 8 am to 5 pm.',
    },
    sortOrder: 4,
  },
];

const LAST_MINUTE_NOTES: Translated[] = [
  {
    nl: 'Een kindje verhuist: deze plaats is vrij tot het einde van de periode.',
    fr: 'Un enfant déménage\u00a0: cette place est libre jusqu’à la fin de la période.',
    en: 'A child is moving away: this place is free until the end of the period.',
  },
  {
    nl: 'Ideaal voor een opleiding of een korte opdracht.',
    fr: 'Idéal pour une formation ou une mission courte.',
    en: 'Ideal for a training course or a short assignment.',
  },
  {
    nl: 'Bel ons gerust, we kunnen snel starten.',
    fr: 'N’hésitez pas à nous appeler, nous pouvons commencer rapidement.',
    en: 'Feel free to call us, we can start quickly.',
  },
];

/** Writes the public site's demo content; locations are already in the database. */
export async function writeDemoContent(tx: Database, input: DemoContentInput): Promise<void> {
  const r = new Random(input.seed ^ 0x5eed_c0de);
  const { today, now } = input;

  const enriched = input.locations.map((location) => ({
    id: location.id as string,
    priceInfo: priceInfo(r, location),
    closingPeriods: closingPeriods(r, today, location.careType),
  }));
  for (let i = 0; i < enriched.length; i += 2_000) {
    const chunk = JSON.stringify(enriched.slice(i, i + 2_000));
    await tx.execute(sql`
      update ${schema.providerLocations} l
         set price_info = x."priceInfo", closing_periods = x."closingPeriods"
        from json_to_recordset(${chunk}::json) as x(id uuid, "priceInfo" jsonb, "closingPeriods" jsonb)
       where l.id = x.id`);
  }

  const leuven = input.municipalities[0];
  await insertAll(
    tx,
    schema.newsItems,
    NEWS.map((item) => ({
      id: r.uuid(),
      regionId: input.regionId,
      municipalityId: item.leuvenOnly ? (leuven?.id ?? null) : null,
      publishedAt: new Date(now - item.daysAgo * DAY - r.int(1, 8) * 3_600_000),
      title: item.title,
      body: item.body,
      createdAt: new Date(now - item.daysAgo * DAY - 9 * 3_600_000),
    })),
  );
  await insertAll(
    tx,
    schema.infoPages,
    DEMO_INFO_PAGES.map((page, index) => ({
      id: r.uuid(),
      regionId: input.regionId,
      // The lead municipality's desk keeps the demo's pages and services up to date.
      municipalityId: leuven?.id ?? null,
      slug: page.slug,
      title: page.title,
      body: page.body,
      sortOrder: index + 1,
      updatedAt: new Date(now - (30 + index * 11) * DAY),
    })),
  );
  await insertAll(
    tx,
    schema.sickChildServices,
    SICK_CHILD_SERVICES.map((service) => ({
      ...service,
      id: r.uuid(),
      regionId: input.regionId,
      municipalityId: leuven?.id ?? null,
    })),
  );

  // A handful of last-minute places, mostly in Leuven: some end within days, one starts next week.
  const groupInLeuven = input.locations.filter(
    (l) => l.careType === 'group' && l.municipalityId === leuven?.id,
  );
  const others = input.locations.filter((l) => l.municipalityId !== leuven?.id);
  const chosen = [...r.shuffle(groupInLeuven).slice(0, 4), ...r.shuffle(others).slice(0, 2)];
  const shapes = [
    { from: 0, until: 2 },
    { from: 1, until: 4 },
    { from: 0, until: 13 },
    { from: 7, until: 34 },
    { from: 2, until: 20 },
    { from: 0, until: 6 },
  ];
  const dayPatterns = [
    ['mon', 'tue', 'wed', 'thu', 'fri'],
    ['mon', 'tue', 'thu'],
    ['wed', 'fri'],
    ['mon', 'tue', 'wed'],
  ];
  await insertAll(
    tx,
    schema.lastMinutePlaces,
    chosen.map((location, i) => {
      const shape = shapes[i % shapes.length] ?? { from: 0, until: 7 };
      const minAge = r.pick([0, 3, 6, 12]);
      return {
        id: r.uuid(),
        providerLocationId: location.id as string,
        availableFrom: addDays(today, shape.from),
        availableUntil: addDays(today, shape.until),
        days: r.pick(dayPatterns),
        minAgeMonths: minAge,
        maxAgeMonths: Math.min(36, minAge + r.pick([12, 18, 24, 30])),
        note: r.chance(0.7) ? r.pick(LAST_MINUTE_NOTES) : null,
        createdAt: new Date(now - r.int(1, 5) * DAY),
      };
    }),
  );
}
