import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadConfig } from '../src/config';

/**
 * Static checks of the container setup (Dockerfile, .dockerignore, docker-compose.yml,
 * .env.example) against the code it runs. Nothing is started: this machine has no
 * Docker engine, so the files are read and cross-checked against src/config.ts and the
 * TypeScript build layout instead. Needs no database.
 */

const root = path.resolve(__dirname, '..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

// ---------------------------------------------------------------------------
// src/config.ts: the variable names the platform reads
// ---------------------------------------------------------------------------

// src/config.ts, and the one-stop platform's settings read in the same style next to its adapter.
const configSource = `${read('src/config.ts')}\n${read('src/platform/service/platform-adapter.ts')}`;

/** Names passed as string literals to config.ts's helpers, e.g. int('PORT', …). */
const CONFIG_VARS: ReadonlySet<string> = new Set([
  ...[...configSource.matchAll(/\b(?:str|int|bool|oneOf|url)\s*(?:<[^>()]*>)?\(\s*'([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1]),
  // Direct reads, should anyone bypass the helpers: env.NAME or env['NAME'].
  ...[...configSource.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)\b|\[\s*'([A-Z][A-Z0-9_]*)'\s*\])/g)].map((m) => m[1] ?? m[2]),
]);

// ---------------------------------------------------------------------------
// docker-compose.yml helpers
// ---------------------------------------------------------------------------

const composeText = read('docker-compose.yml');
// Docker Compose supports YAML merge keys (<<: *anchor); the yaml package needs them enabled.
const compose = YAML.parse(composeText, { merge: true }) as { services: Record<string, any>; volumes?: Record<string, unknown> };
const services = compose.services ?? {};

/** Services that run the platform itself (src/config.ts applies to them). */
const APP_SERVICES = ['migrate', 'api', 'workers'] as const;
/** Services that keep running (one-shot `migrate` excluded). */
const LONG_RUNNING = ['postgres', 'redis', 'api', 'workers', 'simulator'] as const;

function envOf(service: any): Record<string, string> {
  const env = service?.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry: string) => {
        const i = entry.indexOf('=');
        return i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

/**
 * Compose-style interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error},
 * ${VAR?error} and $$. `vars` plays the part of the shell / .env file.
 */
function interpolate(value: string, vars: Record<string, string> = {}): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, name, colon, op, arg, bare) => {
    if (match === '$$') return '$';
    if (bare) return vars[bare] ?? '';
    const v = vars[name];
    const missing = v === undefined || (colon === ':' && v === '');
    if (!missing) return v;
    if (op === '-') return arg;
    if (op === '?') throw new Error(`${name}: ${arg}`);
    return '';
  });
}

const interpolateEnv = (env: Record<string, string>, vars: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v, vars)]));

/** A made-up secret for the variables docker-compose.yml requires from the shell. */
const SHELL = { JWT_SECRET: 'test-only-secret-0123456789abcdefghijklmnop' };

function commandOf(service: any): string[] {
  const c = service?.command;
  if (c === undefined || c === null) return [];
  return Array.isArray(c) ? c.map(String) : String(c).trim().split(/\s+/);
}

function healthTest(service: any): string[] {
  const t = service?.healthcheck?.test;
  if (t === undefined || t === null) return [];
  return Array.isArray(t) ? t.map(String) : ['CMD-SHELL', String(t)];
}

function dependsOn(service: any): Record<string, string> {
  const d = service?.depends_on ?? {};
  if (Array.isArray(d)) return Object.fromEntries(d.map((name: string) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(d).map(([name, v]: [string, any]) => [name, v?.condition ?? 'service_started']));
}

function volumesOf(service: any): { source: string; target: string }[] {
  return (service?.volumes ?? []).map((v: any) => {
    if (typeof v === 'string') {
      const [source, target] = v.split(':');
      return { source, target };
    }
    return { source: v.source, target: v.target };
  });
}

/** Compose durations such as 60s, 1m30s, 500ms → milliseconds. */
function durationMs(text: string): number {
  const units: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...String(text).matchAll(/(\d+(?:\.\d+)?)(us|ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== String(text)) throw new Error(`bad duration ${text}`);
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0);
}

// ---------------------------------------------------------------------------
// Dockerfile helpers
// ---------------------------------------------------------------------------

interface Instruction {
  op: string;
  args: string;
}

function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let buf = '';
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*#/.test(line)) continue; // comments (also inside continuations, as Docker does)
    if (/\\\s*$/.test(line)) {
      buf += line.replace(/\\\s*$/, ' ');
      continue;
    }
    buf += line;
    const m = /^\s*([A-Za-z]+)\s*([\s\S]*)$/.exec(buf);
    if (m && buf.trim()) out.push({ op: m[1].toUpperCase(), args: m[2].trim() });
    buf = '';
  }
  return out;
}

const dockerfileText = read('Dockerfile');
const instructions = parseDockerfile(dockerfileText);
const stages: Instruction[][] = [];
for (const ins of instructions) {
  if (ins.op === 'FROM') stages.push([]);
  stages[stages.length - 1]?.push(ins);
}
const buildStage = stages[0] ?? [];
const runtimeStage = stages[stages.length - 1] ?? [];

function dockerEnv(stage: Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const ins of stage.filter((i) => i.op === 'ENV')) {
    if (!ins.args.includes('=')) {
      const [k, ...rest] = ins.args.split(/\s+/);
      env[k] = rest.join(' ');
      continue;
    }
    for (const m of ins.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)) env[m[1]] = m[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return env;
}

/** dist/… file of a command → the TypeScript source tsc compiles it from, via tsconfig.build.json. */
function sourceOfDistFile(distFile: string): { source: string; included: boolean } {
  const build = JSON.parse(read('tsconfig.build.json'));
  const base = build.extends ? JSON.parse(read(path.join(path.dirname('tsconfig.build.json'), build.extends))) : {};
  const options = { ...base.compilerOptions, ...build.compilerOptions };
  const include: string[] = build.include ?? base.include ?? [];
  const outDir = path.posix.normalize(options.outDir ?? '.');
  const rootDir = path.posix.normalize(options.rootDir ?? '.');
  const rel = path.posix.relative(outDir, path.posix.normalize(distFile));
  const source = path.posix.join(rootDir, rel).replace(/\.js$/, '.ts');
  const included = !rel.startsWith('..') && include.some((dir) => source === dir || source.startsWith(`${dir.replace(/\/$/, '')}/`));
  return { source, included };
}

/** Minimal .dockerignore matcher: *, **, ?, ! negation, last match wins. */
function dockerIgnored(file: string, patterns: string[]): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negate = raw.startsWith('!');
    const pattern = (negate ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, '');
    const re = new RegExp(
      `^${pattern
        .split('**')
        .map((part) =>
          part
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]'),
        )
        .join('.*')}(/.*)?$`,
    );
    if (re.test(file)) ignored = !negate;
  }
  return ignored;
}

// ===========================================================================

describe('src/config.ts variable names (the reference for the checks below)', () => {
  it('finds the variables config.ts reads', () => {
    for (const name of ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'HOST', 'PORT', 'JWT_SECRET', 'LOG_LEVEL', 'MIGRATE_ON_START', 'SEED_ON_EMPTY']) {
      expect(CONFIG_VARS).toContain(name);
    }
    expect(CONFIG_VARS.size).toBeGreaterThanOrEqual(10);
  });

  it('misses no upper-case variable name written in config.ts (a new helper must be added to the pattern above)', () => {
    const literals = [...configSource.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'/g)].map((m) => m[1]).filter((s) => s.length >= 4);
    expect(literals.filter((name) => !CONFIG_VARS.has(name))).toEqual([]);
  });
});

describe('Dockerfile', () => {
  it('builds in node:20-bookworm-slim and runs in a separate node:20-bookworm-slim stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(buildStage[0].args).toMatch(/^node:20-bookworm-slim\s+AS\s+\w+/i);
    expect(runtimeStage[0].args).toMatch(/^node:20-bookworm-slim\b/);
  });

  it('installs with npm install (never npm ci), builds, then prunes dev dependencies', () => {
    const runs = instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(runs.join('\n')).not.toMatch(/\bnpm\s+ci\b/);
    const buildRuns = buildStage
      .filter((i) => i.op === 'RUN')
      .map((i) => i.args)
      .join('\n');
    const at = (re: RegExp) => buildRuns.search(re);
    expect(at(/\bnpm\s+install\b/)).toBeGreaterThanOrEqual(0);
    expect(at(/\bnpm\s+run\s+build\b/)).toBeGreaterThan(at(/\bnpm\s+install\b/));
    expect(at(/\bnpm\s+prune\s+.*--omit=dev\b/)).toBeGreaterThan(at(/\bnpm\s+run\s+build\b/));
  });

  it('copies node_modules, dist, package.json and schema/ from the build stage into the runtime stage', () => {
    const buildName = /\bAS\s+(\S+)/i.exec(buildStage[0].args)![1];
    const copied = runtimeStage
      .filter((i) => i.op === 'COPY' && new RegExp(`--from=${buildName}\\b`).test(i.args))
      .flatMap((i) => {
        const words = i.args.split(/\s+/).filter((w) => !w.startsWith('--'));
        return words.slice(0, -1).map((src) => path.posix.basename(src.replace(/\/+$/, '')));
      });
    expect(copied).toEqual(expect.arrayContaining(['node_modules', 'dist', 'package.json', 'schema']));
  });

  it('sets production defaults, exposes the API port and runs as a non-root user', () => {
    const env = dockerEnv(runtimeStage);
    expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '4000' });
    const config = loadConfig({ ...env, ...SHELL });
    expect(config.nodeEnv).toBe('production');
    const exposed = runtimeStage.filter((i) => i.op === 'EXPOSE').flatMap((i) => i.args.split(/\s+/).map((p) => Number(p.split('/')[0])));
    expect(exposed).toContain(config.port);
    const users = runtimeStage.filter((i) => i.op === 'USER').map((i) => i.args.split(':')[0]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users[users.length - 1]);
  });

  it('has a HEALTHCHECK on /healthz using node fetch (slim images have no curl or wget)', () => {
    const hc = runtimeStage.filter((i) => i.op === 'HEALTHCHECK');
    expect(hc).toHaveLength(1);
    expect(hc[0].args).toMatch(/\bCMD\b/);
    expect(hc[0].args).toMatch(/fetch\(/);
    expect(hc[0].args).toContain('/healthz');
    expect(hc[0].args).not.toMatch(/\b(curl|wget)\b/);
  });

  it('starts the API from dist/src/main.js, a file the tsc build produces', () => {
    const cmd = runtimeStage.filter((i) => i.op === 'CMD');
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0].args)).toEqual(['node', 'dist/src/main.js', '--only', 'api']);
    expect(sourceOfDistFile('dist/src/main.js')).toEqual({ source: 'src/main.ts', included: true });
  });
});

describe('.dockerignore', () => {
  const patterns = read('.dockerignore')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps local state, build output and secrets out of the build context', () => {
    for (const file of ['node_modules', 'dist', 'data', 'scratch', '.git', 'coverage', 'npm-debug.log', '.env', 'node_modules/x/index.js']) {
      expect([file, dockerIgnored(file, patterns)]).toEqual([file, true]);
    }
  });

  it('keeps what the build needs', () => {
    for (const file of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'src/main.ts',
      'workers',
      'integrations',
      'schema',
      'scripts/run.js',
    ]) {
      expect([file, dockerIgnored(file, patterns)]).toEqual([file, false]);
    }
  });
});

describe('docker-compose.yml', () => {
  it('defines the services with the expected images', () => {
    for (const name of ['postgres', 'redis', 'migrate', 'api', 'workers', 'simulator']) expect(Object.keys(services)).toContain(name);
    expect(services.postgres.image).toMatch(/^postgres:1[67](\b|$)/);
    expect(services.redis.image).toMatch(/^redis:7(\b|$)/);
    const build = services.api.build;
    expect(typeof build === 'string' ? build : build?.context).toBe('.');
    expect(services.api.image).toBe('zhunru:latest');
    for (const name of ['migrate', 'workers', 'simulator']) {
      expect([name, services[name].image]).toEqual([name, services.api.image]);
      // Without a build section Compose would try to pull zhunru:latest from a registry.
      if (!services[name].build) expect([name, services[name].pull_policy]).toEqual([name, 'never']);
    }
  });

  it('runs the compiled entry points', () => {
    expect(commandOf(services.api)).toEqual(['node', 'dist/src/main.js', '--only', 'api']);
    expect(commandOf(services.workers)).toEqual(['node', 'dist/src/main.js', '--only', 'workers']);
    expect(commandOf(services.migrate)).toEqual(['node', 'dist/src/db/cli.js', 'migrate']);
    expect(commandOf(services.simulator)).toEqual(['node', 'dist/integrations/simulator/main.js']);
    for (const name of ['api', 'workers', 'migrate', 'simulator']) {
      const file = commandOf(services[name])[1];
      expect([name, sourceOfDistFile(file).included]).toEqual([name, true]);
    }
  });

  it('gives every long-running service a healthcheck with a test command', () => {
    for (const name of LONG_RUNNING) {
      const hc = services[name].healthcheck;
      if (name === 'workers' && hc?.disable === true) continue; // workers serve no HTTP: may opt out explicitly
      const test = healthTest(services[name]);
      expect([name, ['CMD', 'CMD-SHELL']]).toEqual([name, expect.arrayContaining([test[0]])]);
      expect([name, test.length > 1, hc?.disable]).toEqual([name, true, undefined]);
    }
    expect(healthTest(services.postgres).join(' ')).toMatch(/pg_isready\b.*-U zhunru\b.*-d zhunru\b/);
    expect(healthTest(services.redis).join(' ')).toMatch(/redis-cli\b.*\bping\b/);
  });

  it('probes the API on /readyz and the simulator on /healthz:4100 with node fetch', () => {
    const api = healthTest(services.api).join(' ');
    expect(api).toMatch(/\bnode\b.*fetch\(/);
    expect(api).toMatch(/127\.0\.0\.1:4000\/readyz|localhost:4000\/readyz/);
    const sim = healthTest(services.simulator).join(' ');
    expect(sim).toMatch(/\bnode\b.*fetch\(/);
    expect(sim).toMatch(/:4100\/healthz/);
    for (const text of [api, sim]) expect(text).not.toMatch(/\b(curl|wget)\b/);
  });

  it('does not leave the image /healthz probe on services that serve no HTTP', () => {
    for (const name of ['workers', 'migrate']) {
      const hc = services[name].healthcheck;
      const test = healthTest(services[name]).join(' ');
      expect([name, hc?.disable === true || (test !== '' && !test.includes('/healthz'))]).toEqual([name, true]);
    }
  });

  it('keeps postgres and redis data in named volumes declared at top level', () => {
    const declared = Object.keys(compose.volumes ?? {});
    expect(volumesOf(services.postgres)).toContainEqual({ source: 'pgdata', target: '/var/lib/postgresql/data' });
    expect(volumesOf(services.redis)).toContainEqual({ source: 'redisdata', target: '/data' });
    for (const name of ['postgres', 'redis']) {
      for (const v of volumesOf(services[name])) {
        if (!/^[./~]/.test(v.source)) expect([name, declared]).toEqual([name, expect.arrayContaining([v.source])]);
      }
    }
  });

  it('configures postgres for the zhunru database with an overridable password', () => {
    expect(envOf(services.postgres)).toMatchObject({ POSTGRES_DB: 'zhunru', POSTGRES_USER: 'zhunru' });
    expect(envOf(services.postgres).POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:-[^}]+\}$/);
  });

  it('runs redis with AOF persistence and the noeviction policy BullMQ requires', () => {
    const cmd = commandOf(services.redis).join(' ');
    expect(cmd).toMatch(/^redis-server\b/);
    expect(cmd).toContain('--appendonly yes');
    expect(cmd).toContain('--appendfsync everysec');
    expect(cmd).toContain('--maxmemory-policy noeviction');
  });

  it('points DATABASE_URL at the postgres service with its database, user and password', () => {
    const pg = envOf(services.postgres);
    const vars = { ...SHELL, POSTGRES_PASSWORD: 'Pw-from-the-shell_1' };
    for (const name of APP_SERVICES) {
      const raw = envOf(services[name]).DATABASE_URL;
      expect([name, typeof raw]).toEqual([name, 'string']);
      for (const v of [SHELL, vars]) {
        const url = new URL(interpolate(raw, v));
        expect([name, url.protocol, url.hostname, url.port || '5432', url.pathname]).toEqual([name, 'postgres:', 'postgres', '5432', `/${pg.POSTGRES_DB}`]);
        expect([name, url.username, decodeURIComponent(url.password)]).toEqual([name, pg.POSTGRES_USER, interpolate(pg.POSTGRES_PASSWORD, v)]);
      }
    }
  });

  it('points REDIS_URL at the redis service, the same for api and workers', () => {
    for (const name of ['api', 'workers']) {
      const url = new URL(interpolate(envOf(services[name]).REDIS_URL ?? '', SHELL));
      expect([name, url.protocol, url.hostname, url.port || '6379']).toEqual([name, 'redis:', 'redis', '6379']);
    }
    expect(envOf(services.workers)).toEqual(envOf(services.api));
    expect(envOf(services.migrate).DATABASE_URL).toBe(envOf(services.api).DATABASE_URL);
  });

  it('sets only variables that src/config.ts reads on the app services', () => {
    for (const name of APP_SERVICES) {
      const unknown = Object.keys(envOf(services[name])).filter((v) => !CONFIG_VARS.has(v));
      expect([name, unknown]).toEqual([name, []]);
    }
  });

  it('gives the app services a configuration src/config.ts accepts', () => {
    const imageEnv = dockerEnv(runtimeStage);
    for (const name of APP_SERVICES) {
      const env = { ...imageEnv, ...interpolateEnv(envOf(services[name]), SHELL) };
      const config = loadConfig(env);
      expect([name, config.nodeEnv, config.databaseUrl !== undefined, config.redisUrl !== undefined, config.migrateOnStart]).toEqual([
        name,
        'production',
        true,
        true,
        false,
      ]);
    }
    const api = loadConfig({ ...imageEnv, ...interpolateEnv(envOf(services.api), SHELL) });
    expect(api.host).toBe('0.0.0.0');
    expect(services.api.ports.map(String)).toContain(`${api.port}:${api.port}`);
    expect(healthTest(services.api).join(' ')).toContain(`:${api.port}/readyz`);
    expect(services.workers.ports).toBeUndefined();
  });

  it('serves metrics on an internal port that is never published, refuses them on the public port, and asks admins and reviewers for a second factor', () => {
    const imageEnv = dockerEnv(runtimeStage);
    const api = loadConfig({ ...imageEnv, ...interpolateEnv(envOf(services.api), SHELL) });
    expect(api.metricsPort).toBeGreaterThan(0);
    expect(api.metricsPort).not.toBe(api.port);
    expect(api.metricsToken).toBeUndefined(); // so /metrics on port 4000 answers 403
    expect(services.api.ports.map(String).some((p: string) => p.split(':').includes(String(api.metricsPort)))).toBe(false);
    expect((services.api.expose ?? []).map(String)).toContain(String(api.metricsPort));
    for (const [name, service] of Object.entries(services))
      if (name !== 'api') expect([name, (service.ports ?? []).map(String).some((p: string) => p.includes(String(api.metricsPort)))]).toEqual([name, false]);
    expect(api.totpRequiredRoles).toEqual(['ADMIN', 'REVIEWER']);
    expect(api.sessionIdleTimeoutSeconds).toBeGreaterThan(0);
  });

  it('requires JWT_SECRET from the shell wherever NODE_ENV is production', () => {
    const imageEnv = dockerEnv(runtimeStage);
    for (const [name, service] of Object.entries(services)) {
      const env = envOf(service);
      const runsConfig = (APP_SERVICES as readonly string[]).includes(name);
      const nodeEnv = env.NODE_ENV ?? (runsConfig ? imageEnv.NODE_ENV : undefined);
      if (nodeEnv !== 'production') continue;
      expect([name, env.JWT_SECRET]).toEqual([name, expect.stringMatching(/^\$\{JWT_SECRET:\?[^}]+\}$/)]);
      // Without JWT_SECRET in the shell or .env, Compose refuses to start.
      expect(() => interpolate(env.JWT_SECRET, {})).toThrow(/JWT_SECRET/);
    }
  });

  it('starts api and workers after healthy data stores and finished migrations', () => {
    const expected = { postgres: 'service_healthy', redis: 'service_healthy', migrate: 'service_completed_successfully' };
    expect(dependsOn(services.api)).toEqual(expected);
    expect(dependsOn(services.workers)).toEqual(expected);
    expect(dependsOn(services.migrate)).toEqual({ postgres: 'service_healthy' });
  });

  it('restarts long-running app services but runs migrate once', () => {
    expect(services.migrate.restart).toBe('no');
    expect(services.api.restart).toBe('unless-stopped');
    expect(services.workers.restart).toBe('unless-stopped');
  });

  it('gives workers longer to stop than their own graceful-shutdown timeout', () => {
    const config = loadConfig({ ...dockerEnv(runtimeStage), ...interpolateEnv(envOf(services.workers), SHELL) });
    expect(durationMs(services.workers.stop_grace_period)).toBeGreaterThanOrEqual(60_000);
    expect(durationMs(services.workers.stop_grace_period)).toBeGreaterThan(config.shutdownTimeoutMs);
  });

  it('gives the workers the platform settings and the simulator the same key and secret, so they can talk when pointed at each other', () => {
    const workers = envOf(services.workers);
    const simulator = envOf(services.simulator);
    for (const name of ['PLATFORM_BASE_URL', 'PLATFORM_APP_KEY', 'PLATFORM_APP_SECRET']) expect(Object.keys(workers)).toContain(name);
    expect(workers.PLATFORM_BASE_URL).toBe('${PLATFORM_BASE_URL:-}'); // empty: sync off unless set
    expect(simulator.SIMULATOR_APP_KEY).toBe(workers.PLATFORM_APP_KEY);
    expect(simulator.SIMULATOR_APP_SECRET).toBe(workers.PLATFORM_APP_SECRET);
    expect(simulator.DATABASE_URL).toBeUndefined();
    expect(simulator.JWT_SECRET).toBeUndefined();
  });

  it('keeps the simulator behind the "simulator" profile and nothing else depends on it', () => {
    expect(services.simulator.profiles).toEqual(['simulator']);
    for (const [name, service] of Object.entries(services)) {
      if (name === 'simulator') continue;
      expect([name, service.profiles]).toEqual([name, undefined]);
      expect([name, Object.keys(dependsOn(service))]).toEqual([name, expect.not.arrayContaining(['simulator'])]);
    }
  });
});

describe('.env.example', () => {
  const text = read('.env.example');
  const lines = text.split(/\r?\n/);
  const entries = lines
    .map((line, index) => ({ index, m: /^\s*#?\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line) }))
    .filter((e) => e.m)
    .map((e) => ({ index: e.index, name: e.m![1], value: e.m![2].trim() }));
  const names = entries.map((e) => e.name);

  it('lists every variable src/config.ts reads, once', () => {
    expect([...CONFIG_VARS].filter((v) => !names.includes(v))).toEqual([]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('lists nothing the platform or docker-compose.yml does not read', () => {
    const composeVars = new Set([...composeText.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
    expect(names.filter((n) => !CONFIG_VARS.has(n) && !composeVars.has(n))).toEqual([]);
  });

  it('documents each variable with a comment that gives its default', () => {
    for (const entry of entries) {
      const block: string[] = [];
      for (let i = entry.index - 1; i >= 0 && /^\s*#/.test(lines[i]) && !/^\s*#?\s*[A-Z][A-Z0-9_]*=/.test(lines[i]); i--) block.unshift(lines[i]);
      expect([entry.name, /Default:/i.test(block.join('\n'))]).toEqual([entry.name, true]);
    }
  });

  it('groups the variables (database, queue, HTTP, auth, runtime)', () => {
    for (const group of ['Database', 'Queue', 'HTTP', 'Auth', 'Runtime']) expect(text).toMatch(new RegExp(`^#\\s*${group}\\b`, 'm'));
  });

  it('contains no secret', () => {
    expect(entries.find((e) => e.name === 'JWT_SECRET')?.value).toBe('');
  });
});
