import fc from 'fast-check';
import { aTicket } from '../../test/builders/ticket';
import { DEFAULT_SUPPORT_FILTER, isSupportTicket } from './support-filter';
import { filterInWords, triageScope } from './triage-scope';

describe('triageScope', () => {
  it.each([
    ['an open Incident', { issueType: 'Incident', statusCategory: 'indeterminate' as const }, { applies: true }],
    ['a Story with the support label', { issueType: 'Story', labels: ['Support'] }, { applies: true }],
    [
      'a Story',
      { key: 'SUP-7', issueType: 'Story' },
      { applies: false, why: 'not-support', reason: 'The interrupt policy applies to support tickets only, and SUP-7 is a Story without a support label: the support filter takes Bug, Incident, Support request, [System] Incident or [System] Service request, or the label support.' },
    ],
    ['a done Bug, by its status name', { key: 'SUP-8', issueType: 'Bug', statusCategory: 'done' as const, statusName: 'Closed' }, { applies: false, why: 'done', reason: 'SUP-8 is Closed (done): there is nothing left to triage, so nothing here moves it into or out of a sprint.' }],
    ['a done Bug whose status is called Done', { key: 'SUP-6', issueType: 'Bug', statusCategory: 'done' as const, statusName: 'Done' }, { applies: false, why: 'done', reason: 'SUP-6 is done: there is nothing left to triage, so nothing here moves it into or out of a sprint.' }],
    ['a done Bug without a status name', { key: 'SUP-9', issueType: 'Bug', statusCategory: 'done' as const }, { applies: false, why: 'done', reason: 'SUP-9 is done: there is nothing left to triage, so nothing here moves it into or out of a sprint.' }],
    ['a done Story: not support comes first', { issueType: 'Story', statusCategory: 'done' as const }, expect.objectContaining({ applies: false, why: 'not-support' })],
  ])('%s', (_what, overrides, expected) => {
    expect(triageScope(aTicket(overrides), DEFAULT_SUPPORT_FILTER)).toEqual(expected);
  });

  it('applies exactly to open support tickets (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('Bug', 'Incident', 'Story', 'Task', 'Support request'), fc.constantFrom('new', 'indeterminate', 'done', 'unknown'), fc.subarray(['support', 'ui', 'Support']), (issueType, statusCategory, labels) => {
        const ticket = aTicket({ issueType, statusCategory: statusCategory as 'new', labels });
        expect(triageScope(ticket, DEFAULT_SUPPORT_FILTER).applies).toBe(isSupportTicket(ticket, DEFAULT_SUPPORT_FILTER) && statusCategory !== 'done');
      }),
    );
  });
});

describe('filterInWords', () => {
  it.each([
    [{ issueTypes: ['Bug'], labels: [] }, 'Bug'],
    [{ issueTypes: ['Bug', 'Incident'], labels: ['support'] }, 'Bug or Incident, or the label support'],
    [{ issueTypes: [], labels: ['support', 'ops'] }, 'the labels support or ops'],
    [{ issueTypes: [], labels: [] }, 'nothing (it is empty)'],
  ])('%j → %s', (filter, words) => {
    expect(filterInWords(filter)).toBe(words);
  });
});
