/**
 * Browser tests: the built UI in real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) against the local preview and the simulator. Run by `npm run test:e2e` and .ci/run.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60_000,
  maxWorkers: 1,
};
