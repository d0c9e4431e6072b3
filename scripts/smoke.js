#!/usr/bin/env node
// CI smoke test of `npm start` with the embedded default: start on a new data folder,
// answer a query about the demo county, stop with SIGTERM (exit 0), start again on the
// same folder and find the same data. Exits non-zero on any failure.
'use strict';
const fs = require('node:fs');
const { newDataDir, startPlatformProcess, askDemoCounty, stop, msSince } = require('./lib/platform-process');

async function run(dataDir, label) {
  const p = startPlatformProcess(dataDir);
  const { url } = await p.ready;
  const region = await askDemoCounty(url);
  console.log(
    `${label}: answered in ${msSince(p.startedAt).toFixed(0)} ms at ${url}: ${region.name}, ${region.communityCount} communities, ${region.departments.length} departments`,
  );
  const code = await stop(p);
  if (code !== 0) throw new Error(`${label}: exit code ${code} after SIGTERM`);
  return region;
}

(async () => {
  const dataDir = newDataDir('zhunru-smoke-');
  const first = await run(dataDir, 'cold start (new data folder)');
  const second = await run(dataDir, 'warm start (same data folder)');
  if (first.communityCount < 100 || second.communityCount !== first.communityCount) throw new Error('demo data missing or not kept across restarts');
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log('smoke test passed');
})().catch((err) => {
  console.error('smoke test FAILED:', err.message);
  process.exit(1);
});
