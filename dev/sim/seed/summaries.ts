/** Words for the demo issues' summaries: a product team's planned work and its support tickets. */
import type { Prng } from '../prng';

const WORK_VERBS = ['Add', 'Improve', 'Refactor', 'Migrate', 'Design', 'Build', 'Speed up', 'Localise', 'Instrument', 'Clean up', 'Split', 'Document'];
const WORK_OBJECTS = [
  'invoice export', 'checkout flow', 'password reset', 'billing dashboard', 'order history page', 'webhook retries',
  'search filters', 'email templates', 'audit log', 'mobile onboarding', 'payment callbacks', 'API rate limiting',
  'session handling', 'report scheduler', 'feature flags', 'currency conversion', 'account settings', 'push notifications',
];
const TICKETS = [
  'Checkout returns 500', 'Login page down', 'Refund stuck', 'Export to CSV slow', 'Password reset email not delivered',
  'Invoice totals off by one cent', 'Webhook deliveries delayed', 'Mobile app crashes on launch', 'Cannot update card details',
  'Duplicate charges reported', 'Search returns stale results', 'Report scheduler skipped a run', 'SSO login loop',
  'Order confirmation missing', 'Dashboard times out', 'API returns 429 for a partner', 'Notification emails sent twice',
  'Data export missing rows', 'Discount code rejected', 'Address validation fails for postcodes',
];
const CUSTOMERS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Retail', 'Wayne Logistics', 'Soylent', 'Vandelay', 'EU customers'];

export function workSummary(prng: Prng): string {
  return `${prng.pick(WORK_VERBS)} ${prng.pick(WORK_OBJECTS)}`;
}

export function ticketSummary(prng: Prng): string {
  return `${prng.pick(TICKETS)} for ${prng.pick(CUSTOMERS)}`;
}

export const OVERRIDE_REASONS = [
  'Largest EU customer blocked',
  'Contractual SLA with this customer',
  'Workaround exists; can wait for planning',
  'Support contact is already on it',
  'Blocks the sprint goal anyway',
];
