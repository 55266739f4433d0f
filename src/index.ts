/**
 * Every handler that manifest.yml names (`index.<export>`), and nothing else.
 * test/manifest.test.ts checks that the two stay in step.
 */
export { handler } from './resolvers/index';
export { onIssueEvent } from './triggers/issue-event';
export { onSprintStarted } from './triggers/sprint-started';
export { onSprintChanged } from './triggers/sprint-changed';
export { onLedgerEvent } from './triggers/ledger-event';
export { rollup } from './triggers/rollup';
