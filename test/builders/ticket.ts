/**
 * Test-data builder for tickets: a plausible support ticket by default, with only what a test cares
 * about overridden, so each test states the fact it depends on and nothing else.
 */
import type { Ticket } from '../../src/domain/ticket';

export function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: '10000',
    key: 'SUP-1',
    issueType: 'Bug',
    statusCategory: 'new',
    labels: [],
    components: [],
    slaClocks: [],
    sprints: [],
    ...overrides,
  };
}
