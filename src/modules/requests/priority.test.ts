import { describe, expect, it } from 'vitest';
import { isPriorityGroup, type PriorityFacts } from './priority.ts';

const none: PriorityFacts = {
  needsCareForWork: false,
  singleParent: false,
  lowIncome: false,
  disabilityOrSocialReason: false,
  noSecondaryDiploma: false,
};

describe('the "20%" priority group', () => {
  it('needs two characteristics, at least one of work need, single parent or low income', () => {
    expect(isPriorityGroup(none)).toBe(false);
    expect(isPriorityGroup({ ...none, singleParent: true })).toBe(false);
    expect(isPriorityGroup({ ...none, singleParent: true, lowIncome: true })).toBe(true);
    expect(isPriorityGroup({ ...none, lowIncome: true, noSecondaryDiploma: true })).toBe(true);
    expect(isPriorityGroup({ ...none, disabilityOrSocialReason: true, noSecondaryDiploma: true })).toBe(
      false,
    );
  });
});
