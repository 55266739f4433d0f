import { answeredSince, draftInfoRequest, itemList, missingInformation } from './missing-information';

describe('missingInformation', () => {
  it('asks for what the policy read as unknown, severity first', () => {
    expect(missingInformation({ priority: 'unknown', severity: 'unknown' })).toEqual(['severity', 'priority']);
    expect(missingInformation({ priority: 'P3', severity: 'unknown' })).toEqual(['severity']);
    expect(missingInformation({ priority: 'unknown', severity: 'S2' })).toEqual(['priority']);
  });

  it('asks for the impact when both fields are known (the PO wants more than the fields say)', () => {
    expect(missingInformation({ priority: 'P3', severity: 'S3' })).toEqual(['impact']);
  });
});

describe('answeredSince', () => {
  it('counts a field as answered once the policy can read it; impact never by itself', () => {
    expect(answeredSince(['severity', 'priority'], { priority: 'unknown', severity: 'S1' })).toEqual(['severity']);
    expect(answeredSince(['severity', 'priority'], { priority: 'P2', severity: 'S1' })).toEqual(['severity', 'priority']);
    expect(answeredSince(['impact'], { priority: 'P2', severity: 'S1' })).toEqual([]);
  });
});

describe('words', () => {
  it('lists items as a sentence does', () => {
    expect(itemList(['severity'])).toBe('Severity');
    expect(itemList(['severity', 'priority'])).toBe('Severity and priority');
    expect(itemList(['severity', 'priority', 'impact'])).toBe('Severity, priority and impact');
  });

  it('drafts one question per missing item', () => {
    const draft = draftInfoRequest(['severity', 'priority']);
    expect(draft.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- the severity: how badly does this affect the people using the product?',
      '- the priority: how urgent is it for you?',
    ]);
    expect(draft).not.toContain('impact');
  });
});
