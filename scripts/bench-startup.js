#!/usr/bin/env node
// `npm run bench:startup`: time from process start to the first answered GraphQL query
// about the demo county, with the embedded PostgreSQL — cold (new data folder: initdb,
// migrations, seed) and warm (same folder again). Prints each run and the medians.
'use strict';
const fs = require('node:fs');
const { newDataDir, startPlatformProcess, askDemoCounty, stop, msSince } = require('./lib/platform-process');

const RUNS = Number(process.env.BENCH_RUNS || 3);

async function once(dataDir) {
  const p = startPlatformProcess(dataDir);
  const { url } = await p.ready;
  await askDemoCounty(url);
  const ms = msSince(p.startedAt);
  const code = await stop(p);
  if (code !== 0) throw new Error(`exit code ${code}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = newDataDir('zhunru-bench-');
    cold.push(await once(dir));
    warm.push(await once(dir));
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`run ${i + 1}: cold ${cold[i].toFixed(0)} ms, warm ${warm[i].toFixed(0)} ms`);
  }
  console.log(`startup to first answered query (median of ${RUNS}): cold ${median(cold).toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
