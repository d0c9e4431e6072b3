'use strict';
// Runs `npm start`'s entry point as a child process on a given data folder, with the
// embedded PostgreSQL (DATABASE_URL and REDIS_URL removed), and talks to it.
// Used by the CI smoke test (scripts/smoke.js) and `npm run bench:startup`.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function newDataDir(prefix = 'zhunru-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755); // PostgreSQL runs as its own OS user when we are root
  return dir;
}

/** Starts the platform; `ready` resolves with the API URL once it logs that it is ready. */
function startPlatformProcess(dataDir, extraEnv = {}) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'development', ...extraEnv };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const startedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, ['scripts/run.js', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('not ready within 120 s')), 120_000);
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        let entry;
        try {
          entry = JSON.parse(line);
        } catch {
          continue;
        }
        if (entry.url && entry.graphql) {
          clearTimeout(timer);
          resolve({ url: entry.url });
        }
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`exited early with code ${code}`));
    });
  });
  return { child, startedAt, ready, exited };
}

/** Asks the API about the demo county; throws unless it answers. */
async function askDemoCounty(url) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ region(code: "511828") { name communityCount departments { name } } }' }),
  });
  const body = await res.json();
  if (!body.data || !body.data.region) throw new Error(`unexpected answer: ${JSON.stringify(body)}`);
  return body.data.region;
}

/** SIGTERM, then the exit code (0 for a clean stop). */
async function stop(p) {
  p.child.kill('SIGTERM');
  const { code } = await p.exited;
  return code;
}

const msSince = (t) => Number(process.hrtime.bigint() - t) / 1e6;

module.exports = { newDataDir, startPlatformProcess, askDemoCounty, stop, msSince };
