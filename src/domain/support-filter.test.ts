import fc from 'fast-check';
import { DEFAULT_SUPPORT_FILTER, fitSupportFilter, isSupportTicket, type SupportFilter } from './support-filter';

describe('isSupportTicket', () => {
  it.each<[string, string[], SupportFilter, boolean]>([
    ['Bug', [], DEFAULT_SUPPORT_FILTER, true],
    ['bug', [], DEFAULT_SUPPORT_FILTER, true],
    ['Incident', [], DEFAULT_SUPPORT_FILTER, true],
    ['Support request', [], DEFAULT_SUPPORT_FILTER, true],
    ['[System] Service request', [], DEFAULT_SUPPORT_FILTER, true],
    ['Story', [], DEFAULT_SUPPORT_FILTER, false],
    ['Story', ['support'], DEFAULT_SUPPORT_FILTER, true],
    ['Story', ['Support'], DEFAULT_SUPPORT_FILTER, true],
    ['Task', ['supported'], DEFAULT_SUPPORT_FILTER, false],
    ['Bug', [], { issueTypes: [], labels: ['ops'] }, false],
    ['Task', ['ops'], { issueTypes: [], labels: ['ops'] }, true],
    ['Bug', ['support'], { issueTypes: [], labels: [] }, false],
  ])('type %j with labels %j under %j → %s', (issueType, labels, filter, expected) => {
    expect(isSupportTicket({ issueType, labels }, filter)).toBe(expected);
  });

  it('an empty filter never counts anything as support', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (issueType, labels) => {
        expect(isSupportTicket({ issueType, labels }, { issueTypes: [], labels: [] })).toBe(false);
      }),
    );
  });

  it('widening the filter never turns a support ticket into a non-support one', () => {
    fc.assert(
      fc.property(fc.constantFrom('Bug', 'Story', 'Task'), fc.subarray(['a', 'b', 'support']), fc.string(), fc.string(), (issueType, labels, moreType, moreLabel) => {
        const narrow = isSupportTicket({ issueType, labels }, DEFAULT_SUPPORT_FILTER);
        const wide = isSupportTicket({ issueType, labels }, {
          issueTypes: [...DEFAULT_SUPPORT_FILTER.issueTypes, moreType],
          labels: [...DEFAULT_SUPPORT_FILTER.labels, moreLabel],
        });
        if (narrow) expect(wide).toBe(true);
      }),
    );
  });
});

describe('fitSupportFilter', () => {
  it('keeps only the issue types the project has, in its spelling, and every label', () => {
    const software = ['Story', 'Task', 'bug', 'Incident', 'Support request', 'Epic'];
    expect(fitSupportFilter(DEFAULT_SUPPORT_FILTER, software)).toEqual({ issueTypes: ['bug', 'Incident', 'Support request'], labels: ['support'] });
  });

  it('keeps the service-project types on a service project', () => {
    const service = ['[System] Incident', '[System] Service request', 'Task'];
    expect(fitSupportFilter(DEFAULT_SUPPORT_FILTER, service).issueTypes).toEqual(['[System] Incident', '[System] Service request']);
  });

  it('changes nothing a ticket of the project would be counted as', () => {
    const project = ['Story', 'Bug', 'Support request'];
    const fitted = fitSupportFilter(DEFAULT_SUPPORT_FILTER, project);
    for (const issueType of project) {
      for (const labels of [[], ['support']]) {
        expect(isSupportTicket({ issueType, labels }, fitted)).toBe(isSupportTicket({ issueType, labels }, DEFAULT_SUPPORT_FILTER));
      }
    }
  });
});
