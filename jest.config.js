/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/dev'],
  testMatch: ['**/*.test.ts'],
  // Tests assert behaviour and counted costs, never time; many run a simulator over HTTP with
  // thousands of issues, which on CI's 2 cores under a full parallel run can pass 5 s (jest's default).
  testTimeout: 30_000,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.test.ts'],
  coverageReporters: ['text-summary', 'text'],
  // The domain is the heart of the app and is pure: hold it to a high bar.
  coverageThreshold: {
    './src/domain/': { lines: 95, branches: 95, functions: 95, statements: 95 },
  },
};
