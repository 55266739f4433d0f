#!/usr/bin/env node
// Command-line entry: runs the TypeScript sources directly through tsx, so a fresh clone needs no build.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
);
