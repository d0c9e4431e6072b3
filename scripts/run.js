#!/usr/bin/env node
// Runs a TypeScript entry point straight from source: compiles each .ts file with SWC
// (the same options as the tests) as Node requires it. Production images run the tsc
// build in dist/ instead (see Dockerfile).
'use strict';
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');
const options = require('./swc-options');

const compile = (module, filename) => {
  const { code } = swc.transformFileSync(filename, { ...options, filename, swcrc: false, configFile: false });
  module._compile(code, filename);
};
require.extensions['.ts'] = compile;
process.setSourceMapsEnabled?.(true);

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run.js <file.ts> [args...]');
  process.exit(2);
}
const file = path.resolve(entry);
process.argv = [process.argv[0], file, ...rest];
Module._load(file, null, true);
