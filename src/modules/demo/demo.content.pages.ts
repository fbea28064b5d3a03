/**
 * The desk's information pages of the demo region, in Dutch, French and English. Format (see
 * RichText in the public site): paragraphs separated by a blank line, "## " for a sub-heading,
 * lines starting with "- " for a list.
 */
import type { Translated } from '../../platform/db/schema/index.ts';

export const DEMO_INFO_PAGES: { slug: string; title: Translated; body: Translated }[] = [
  {
    slug: 'hoe-werkt-kinderopvang',
    title: {
      nl: 'Hoe werkt kinderopvang hier?',
      fr: 'Comment fonctionne l’accueil d’enfants ici\u202f?',
      en: 'How does childcare work here?',
    },
    body: {
      nl: `Kinderopvang is er voor baby’s en peuters tot ze naar school gaan, rond 2,5 à 3 jaar. U kiest tussen een kinderdagverblijf (groepsopvang) en een onthaalouder (gezinsopvang, maximaal 8 kinderen).

## Eén aanvraag voor de hele regio

U vult één aanvraag in en kiest tot vijf opvanglocaties, in volgorde van voorkeur. Elke opvanglocatie ziet uw aanvraag op haar wachtlijst en beslist zelf volgens haar opnamebeleid.

## Wanneer beginnen?

- Begin zo vroeg mogelijk: veel gezinnen vragen opvang aan tijdens de zwangerschap.
- Geef een realistische startdatum op, meestal na het moederschapsverlof.
- Bevestig uw aanvraag elke drie maanden, anders vervalt ze.

## Een voorstel krijgen

Heeft een opvang een plaats, dan krijgt u een voorstel per e-mail. U beslist zelf of u het aanvaardt. Aanvaardt u, dan kiest u of u op de wachtlijst blijft van de opvang die u liever had.`,
      fr: `L’accueil d’enfants s’adresse aux bébés et aux jeunes enfants jusqu’à leur entrée à l’école, vers 2 ans et demi ou 3 ans. Vous choisissez entre une crèche (accueil en groupe) et un·e accueillant·e (accueil familial, 8 enfants au maximum).

## Une seule demande pour toute la région

Vous remplissez une seule demande et choisissez jusqu’à cinq lieux d’accueil, par ordre de préférence. Chaque lieu d’accueil voit votre demande sur sa liste d’attente et décide selon sa propre politique d’admission.

## Quand commencer\u202f?

- Commencez le plus tôt possible\u00a0: beaucoup de familles font la demande pendant la grossesse.
- Indiquez une date de début réaliste, le plus souvent après le congé de maternité.
- Confirmez votre demande tous les trois mois, sinon elle expire.

## Recevoir une proposition

Si un lieu d’accueil a une place, vous recevez une proposition par e-mail. Vous décidez vous-même de l’accepter. Si vous acceptez, vous choisissez de rester ou non sur la liste d’attente du lieu que vous préfériez.`,
      en: `Childcare is for babies and toddlers until they start school, at around 2.5 to 3 years. You choose between a daycare centre (group care) and a childminder (family care, at most 8 children).

## One request for the whole region

You fill in one request and choose up to five childcare locations, in order of preference. Each location sees your request on its waiting list and decides according to its own admission policy.

## When to start?

- Start as early as you can: many families apply during pregnancy.
- Give a realistic start date, usually after maternity leave.
- Confirm your request every three months, or it expires.

## Getting an offer

When a location has a place, you get an offer by e-mail. You decide yourself whether to accept it. If you accept, you choose whether to stay on the waiting list of a location you preferred.`,
    },
  },
  {
    slug: 'inkomenstarief-of-vaste-prijs',
    title: {
      nl: 'Inkomenstarief of vaste prijs?',
      fr: 'Tarif selon les revenus ou prix fixe\u202f?',
      en: 'Income-related tariff or fixed price?',
    },
    body: {
      nl: `Er zijn twee soorten prijzen in de kinderopvang. Op de fiche van elke opvanglocatie ziet u welke zij vraagt.

## Inkomenstarief

U betaalt een prijs per dag die afhangt van het inkomen van uw gezin. U vraagt een attest inkomenstarief aan bij Kind en Gezin (Opgroeien) en geeft het aan de opvang. Het attest wordt elk jaar geïndexeerd.

- Een volle dag is 5 uur of meer.
- Een halve dag (minder dan 5 uur) kost 60% van uw dagprijs.
- Een derde dag (minder dan 3 uur) kost 40%.
- U hebt minstens 18 respijtdagen per jaar bij voltijdse opvang: dagen waarop uw kind afwezig is en u niets betaalt.

Zonder attest kan de opvang u geen plaats met inkomenstarief geven.

## Vaste prijs

De opvang bepaalt zelf haar dagprijs, wat uw inkomen ook is. Vraag naar wat inbegrepen is (luiers, maaltijden) en hoe afwezigheden aangerekend worden.

## Belastingvoordeel

Voor beide soorten krijgt u elk jaar een fiscaal attest (281.86): een deel van wat u betaalde, trekt u af van uw belastingen.`,
      fr: `Il existe deux types de prix dans l’accueil d’enfants. La fiche de chaque lieu d’accueil indique celui qu’il applique.

## Tarif selon les revenus

Vous payez un prix par jour qui dépend des revenus de votre ménage. Vous demandez une attestation de tarif selon les revenus à Kind en Gezin (Opgroeien) et la remettez au lieu d’accueil. L’attestation est indexée chaque année.

- Une journée complète compte 5 heures ou plus.
- Une demi-journée (moins de 5 heures) coûte 60 % de votre prix journalier.
- Un tiers de journée (moins de 3 heures) coûte 40 %.
- Vous avez au moins 18 jours d’absence justifiée par an pour un accueil à temps plein\u00a0: des jours d’absence où vous ne payez rien.

Sans attestation, le lieu d’accueil ne peut pas vous donner une place au tarif selon les revenus.

## Prix fixe

Le lieu d’accueil fixe lui-même son prix journalier, quels que soient vos revenus. Demandez ce qui est compris (langes, repas) et comment les absences sont facturées.

## Avantage fiscal

Dans les deux cas, vous recevez chaque année une attestation fiscale (281.86)\u00a0: vous déduisez une partie de ce que vous avez payé de vos impôts.`,
      en: `There are two kinds of price in childcare. Each location’s profile tells you which one it charges.

## Income-related tariff

You pay a daily price that depends on your household income. You ask Kind en Gezin (Opgroeien) for an income-related tariff certificate and give it to the location. The certificate is indexed every year.

- A full day is 5 hours or more.
- A half day (less than 5 hours) costs 60% of your daily price.
- A third of a day (less than 3 hours) costs 40%.
- With full-time care you have at least 18 justified absence days a year: days your child is away and you pay nothing.

Without a certificate the location cannot give you a place at the income-related tariff.

## Fixed price

The location sets its own daily price, whatever your income. Ask what is included (nappies, meals) and how absences are charged.

## Tax benefit

For both kinds you receive a tax certificate (281.86) every year: you deduct part of what you paid from your taxes.`,
    },
  },
  {
    slug: 'veelgestelde-vragen',
    title: { nl: 'Veelgestelde vragen', fr: 'Questions fréquentes', en: 'Frequently asked questions' },
    body: {
      nl: `## Mijn kind is nog niet geboren. Kan ik al aanvragen?

Ja. U geeft de verwachte geboortedatum op en vult de geboortegegevens later aan.

## Ik heb geen computer of e-mailadres.

Het loket of een sociale dienst (OCMW, CAW, Huis van het Kind) vult de aanvraag samen met u in en volgt ze voor u op.

## Verlies ik mijn plaats op andere wachtlijsten als ik een voorstel aanvaard?

Nee, niet als u dat niet wilt. U kiest zelf of u op de wachtlijst blijft van de opvanglocaties die u liever had.

## Wat is de noodlijst?

Heeft u binnen 30 dagen opvang nodig en nog geen plaats, dan zien alle opvanglocaties van uw gemeente uw aanvraag, zodat wie een vrije plaats heeft u kan helpen.

## Wat als mijn kind ziek is?

Een ziek kind kan meestal niet naar de opvang. Op de pagina Opvang ziek kind vindt u diensten die thuis komen oppassen.`,
      fr: `## Mon enfant n’est pas encore né. Puis-je déjà faire une demande\u202f?

Oui. Vous indiquez la date de naissance prévue et complétez les données de naissance plus tard.

## Je n’ai pas d’ordinateur ni d’adresse e-mail.

Le guichet ou un service social (CPAS, CAW, Huis van het Kind) remplit la demande avec vous et la suit pour vous.

## Est-ce que je perds ma place sur les autres listes d’attente si j’accepte une proposition\u202f?

Non, si vous ne le souhaitez pas. Vous choisissez vous-même de rester sur la liste d’attente des lieux d’accueil que vous préfériez.

## Qu’est-ce que la liste d’urgence\u202f?

Si vous avez besoin d’un accueil dans les 30 jours et n’avez pas encore de place, tous les lieux d’accueil de votre commune voient votre demande, pour que celui qui a une place libre puisse vous aider.

## Et si mon enfant est malade\u202f?

Un enfant malade ne peut généralement pas aller à la crèche. La page Accueil d’un enfant malade présente des services qui viennent garder votre enfant à domicile.`,
      en: `## My child is not born yet. Can I already apply?

Yes. You give the expected date of birth and complete the birth details later.

## I have no computer or e-mail address.

The desk or a social service (OCMW, CAW, Huis van het Kind) fills in the request with you and follows it up for you.

## Do I lose my place on other waiting lists if I accept an offer?

No, not if you do not want to. You choose yourself whether to stay on the waiting lists of the locations you preferred.

## What is the emergency list?

If you need childcare within 30 days and have no place yet, all childcare locations of your municipality see your request, so that anyone with a free place can help you.

## What if my child is ill?

A sick child usually cannot go to childcare. The page Care for a sick child lists services that come to look after your child at home.`,
    },
  },
];
