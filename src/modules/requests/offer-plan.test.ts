import { describe, expect, it } from 'vitest';

import type { CarePlan } from '../../platform/db/schema/requests.ts';
import { compareOfferWithRequest, describeDifference, planRows } from './offer-plan.ts';

const plan = (days: Partial<CarePlan['days']>): CarePlan => ({
  days: { mon: 'full', tue: 'full', wed: 'full', thu: 'full', fri: 'full', ...days },
  fixed: true,
  early: false,
  late: false,
});

const requested = { start: '2026-09-01', carePlan: plan({ fri: 'half', wed: 'none' }) };

describe('an offer compared with its request', () => {
  it('finds no difference when the offer gives what was asked (hours and variability are not compared)', () => {
    const offered = { start: '2026-09-01', carePlan: { ...plan({ fri: 'half', wed: 'none' }), early: true } };
    expect(compareOfferWithRequest(requested, offered)).toEqual([]);
  });

  it('lists another start first, then each weekday that differs, in weekday order', () => {
    const offered = {
      start: '2026-10-01',
      carePlan: plan({ mon: 'half', wed: 'full', thu: 'none', fri: 'half' }),
    };
    expect(compareOfferWithRequest(requested, offered)).toEqual([
      { kind: 'start', requested: '2026-09-01', offered: '2026-10-01' },
      { kind: 'day', day: 'mon', requested: 'full', offered: 'half' },
      { kind: 'day', day: 'wed', requested: 'none', offered: 'full' },
      { kind: 'day', day: 'thu', requested: 'full', offered: 'none' },
    ]);
  });

  it('says each difference in Dutch, French and English', () => {
    const offered = {
      start: '2026-10-01',
      carePlan: plan({ mon: 'half', wed: 'full', thu: 'none', fri: 'full' }),
    };
    const differences = compareOfferWithRequest(requested, offered);
    expect(differences.map((d) => describeDifference('nl', d))).toEqual([
      'Start op 1 oktober 2026 in plaats van 1 september 2026',
      'Maandag: halve dag in plaats van volle dag',
      'Ook opvang op woensdag (volle dag)',
      'Geen opvang op donderdag',
      'Vrijdag: volle dag in plaats van halve dag',
    ]);
    expect(differences.map((d) => describeDifference('fr', d))).toEqual([
      'Début le 1er octobre 2026 au lieu du 1er septembre 2026',
      'Lundi\u00a0: demi-journée au lieu d’une journée complète',
      'Accueil aussi le mercredi (journée complète)',
      'Pas d’accueil le jeudi',
      'Vendredi\u00a0: journée complète au lieu d’une demi-journée',
    ]);
    expect(differences.map((d) => describeDifference('en', d))).toEqual([
      'Starts on 1 October 2026 instead of 1 September 2026',
      'Monday: half day instead of full day',
      'Care on Wednesday too (full day)',
      'No care on Thursday',
      'Friday: full day instead of half day',
    ]);
  });

  it('gives the rows of the side-by-side table, marking what differs', () => {
    const offered = { start: '2026-09-01', carePlan: plan({ mon: 'half', wed: 'none', fri: 'half' }) };
    expect(planRows('nl', requested, offered)).toEqual([
      { label: 'Startdatum', requested: '1 september 2026', offered: '1 september 2026', differs: false },
      { label: 'Maandag', requested: 'Volle dag', offered: 'Halve dag', differs: true },
      { label: 'Dinsdag', requested: 'Volle dag', offered: 'Volle dag', differs: false },
      { label: 'Woensdag', requested: 'Geen opvang', offered: 'Geen opvang', differs: false },
      { label: 'Donderdag', requested: 'Volle dag', offered: 'Volle dag', differs: false },
      { label: 'Vrijdag', requested: 'Halve dag', offered: 'Halve dag', differs: false },
    ]);
  });
});
