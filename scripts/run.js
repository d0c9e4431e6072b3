#!/usr/bin/env node
// Runs a TypeScript entry point straight from source: compiles each .ts file with SWC
// (the same options as the tests) as Node requires it, caching the output under
// node_modules/.cache/zhunru-swc so a restart does not compile again. Production images
// run the tsc build in dist/ instead (see Dockerfile).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');
const options = require('./swc-options');

const cacheDir = path.resolve(__dirname, '..', 'node_modules', '.cache', 'zhunru-swc');
const optionsKey = crypto
  .createHash('sha1')
  .update(JSON.stringify(options) + swc.version)
  .digest('hex');

function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha1').update(optionsKey).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = swc.transformSync(source, { ...options, filename, swcrc: false, configFile: false }).code;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(`${cached}.${process.pid}`, code);
      fs.renameSync(`${cached}.${process.pid}`, cached);
    } catch {
      /* a read-only tree just means no cache */
    }
  }
  module._compile(code, filename);
}
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
