import { describe, expect, it } from 'vitest';

import { hasWorkPriority, isPriorityGroup, type PriorityFacts } from './priority.ts';

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

describe('absolute priority for work or training of at least 4/5', () => {
  it('takes the average of the parents in the file', () => {
    expect(hasWorkPriority([{ situation: 'working', daysPerWeek: 4 }])).toBe(true);
    expect(hasWorkPriority([{ situation: 'working', daysPerWeek: 3.5 }])).toBe(false);
    expect(
      hasWorkPriority([
        { situation: 'working', daysPerWeek: 5 },
        { situation: 'training', daysPerWeek: 3 },
      ]),
    ).toBe(true);
    expect(
      hasWorkPriority([
        { situation: 'working', daysPerWeek: 5 },
        { situation: 'job_seeking', daysPerWeek: 5 },
      ]),
    ).toBe(false);
    expect(hasWorkPriority([])).toBe(false);
  });
});
