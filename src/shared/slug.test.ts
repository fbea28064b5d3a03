import { describe, expect, it } from 'vitest';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it('folds accents and runs of other characters into single hyphens, cut where asked', () => {
    expect(slugify('  Crèche « Het Kasteeltje » — Sint-Niklaas!  ')).toBe(
      'creche-het-kasteeltje-sint-niklaas',
    );
    expect(slugify('Crèche Het Kasteeltje', 10)).toBe('creche-het');
    expect(slugify('Crèche Het Kasteeltje', 7)).toBe('creche-');
    expect(slugify('«»')).toBe('');
  });
});
