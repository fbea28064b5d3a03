import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { BACKENDS } from '../../../test/db.ts';

/** The items of the list marked data-qa=`qa`, as text. */
function items(html: string, qa: string): string[] {
  const list = new RegExp(`data-qa="${qa}">(.*?)</ul>`).exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1] ?? '');
}
const text = (html: string, qa: string) =>
  new RegExp(`data-qa="${qa}"[^>]*>(.*?)</(p|dl)>`).exec(html)?.[1]?.replace(/<[^>]+>/g, ' ');

/**
 * The parents' page on the priority rules is generated from the rule set valid today by the app's
 * clock: on 1 June 2024 the annulled rules of 1 April 2024, on 1 June 2025 the rules before 2024
 * again (ADR 0018), in Dutch, French and English.
 */
describe.each(BACKENDS)('the priority rules page (%s)', (backend) => {
  let t: TestApp;
  // Only reads: one database for all of them.
  beforeAll(async () => {
    t = await buildTestApp(backend);
  });
  afterAll(async () => t.close());

  const page = async (lang: 'nl' | 'fr' | 'en', now: string) => {
    t.clock.set(now);
    const res = await new TestClient(t.app, { 'accept-language': lang }).get('/priority-rules');
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('shows the annulled rules of 1 April 2024 on 1 June 2024', async () => {
    const en = await page('en', '2024-06-01T09:00:00Z');
    expect(text(en, 'priority-rule-set')).toContain('Priority rules of 1 April 2024 (annulled)');
    expect(text(en, 'priority-rule-set')).toContain('from 1 April 2024 to 29 April 2025 inclusive');
    expect(en).toContain('href="https://www.const-court.be/public/n/2025/2025-072n.pdf"');
    expect(items(en, 'priority-absolute')).toEqual([
      'Families in which the parents on average work at least 4/5 or follow job-oriented training',
      'Brothers and sisters of a child in the same childcare at the same time',
      'Foster children',
    ]);
    // Every criterion of that set gives absolute priority: no second group.
    expect(en).not.toContain('data-qa="priority-criteria"');
    expect(text(en, 'priority-reserved')).toBe(
      'At least 20% of the places go with priority to children of vulnerable families. A family is vulnerable when at least 2 of these characteristics apply:',
    );
    expect(items(en, 'priority-vulnerable')).toHaveLength(5);
    expect(items(en, 'priority-vulnerable-required')).toEqual([
      'needing childcare to work, look for work or follow training',
      'single parent',
      'an income below the income threshold',
    ]);
    expect(text(en, 'priority-deviation')).toBe(
      'A location may depart from these rules for at most 10% of its places.',
    );
  });

  it('shows the rules before 2024 again on 1 June 2025, with their source', async () => {
    const en = await page('en', '2025-06-01T09:00:00Z');
    expect(text(en, 'priority-rule-set')).toContain('Priority rules before 1 April 2024');
    expect(text(en, 'priority-rule-set')).toContain('since 30 April 2025');
    expect(en).toContain(
      'href="https://www.opgroeien.be/over-opgroeien/nieuws-en-pers/grondwettelijk-hof-vernietigt-voorrangsregels-voor-kinderopvang"',
    );
    expect(items(en, 'priority-absolute')).toEqual([
      'Families who need childcare to work, look for work or follow training',
    ]);
    expect(items(en, 'priority-criteria')).toEqual([
      'Single parents',
      'Families with an income below the income threshold',
      'Foster children',
      'Brothers and sisters of a child in the same childcare at the same time',
    ]);
    expect(items(en, 'priority-vulnerable-required')).toEqual([
      'an income below the income threshold',
      'a family member with a disability or reduced self-reliance, or social or educational reasons',
      'no secondary-school diploma',
    ]);
    expect(en).not.toContain('data-qa="priority-deviation"');
  });

  it('says the same in Dutch and French', async () => {
    const nl = await page('nl', '2025-06-01T09:00:00Z');
    expect(nl).toContain('<html lang="nl"');
    expect(text(nl, 'priority-rule-set')).toContain('Voorrangsregels van vóór 1 april 2024');
    expect(text(nl, 'priority-rule-set')).toContain('sinds 30 april 2025');
    expect(items(nl, 'priority-absolute')).toEqual([
      'Gezinnen die opvang nodig hebben om te werken, werk te zoeken of een opleiding te volgen',
    ]);
    expect(items(nl, 'priority-criteria')[0]).toBe('Alleenstaande ouders');
    const fr = await page('fr', '2024-06-01T09:00:00Z');
    expect(fr).toContain('<html lang="fr"');
    expect(text(fr, 'priority-rule-set')).toContain('Règles de priorité du 1er avril 2024 (annulées)');
    expect(text(fr, 'priority-rule-set')).toContain('du 1er avril 2024 au 29 avril 2025 inclus');
    expect(items(fr, 'priority-absolute')).toContain('Les enfants placés en famille d’accueil');
    expect(text(fr, 'priority-reserved')).toContain('Au moins 20\u00a0% des places');
  });

  it('says that nobody has priority on a day no set covers', async () => {
    const en = await page('en', '2014-01-06T09:00:00Z');
    expect(text(en, 'priority-none')).toBe('No priority rules apply today: no family gets priority.');
    expect(en).not.toContain('data-qa="priority-absolute"');
  });

  it('is linked from the home page and the information pages', async () => {
    const client = new TestClient(t.app, { 'accept-language': 'en' });
    for (const path of ['/', '/info']) {
      const html = (await client.get(path)).body;
      expect(html, path).toContain(
        'href="/priority-rules" data-qa="priority-rules-link">Which families get priority?<',
      );
    }
  });
});
