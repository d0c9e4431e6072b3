import crypto from 'node:crypto';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';

/** The URL of database `name` on the same server as `url`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: withDatabase(url, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function dropDatabase(url: string, name: string, opts: { template?: boolean } = {}): Promise<void> {
  await admin(url, async (c) => {
    if (opts.template) await c.query(`alter database "${name}" is_template false`).catch(() => undefined);
    await c.query(`drop database if exists "${name}" with (force)`);
  });
}

/**
 * Builds the template database once per test run: migrations applied and the demo
 * county seeded, exactly as `npm start` would do on an empty database.
 */
export async function prepareTemplateDatabase(adminUrl: string): Promise<string> {
  const name = `zhunru_tpl_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database "${name}"`));
  const url = withDatabase(adminUrl, name);
  const root = path.resolve(__dirname, '..', '..');
  const run = spawnSync(process.execPath, ['scripts/run.js', 'test/support/prepare-template.ts', url], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`preparing the template database failed:\n${run.stdout}\n${run.stderr}`);
  await admin(adminUrl, (c) => c.query(`alter database "${name}" is_template true`));
  return name;
}

/** A fresh database cloned from the template, for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.ZR_TEST_ADMIN_URL;
  const template = process.env.ZR_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('test database server not prepared (global setup did not run)');
  const name = `zhunru_t_${crypto.randomBytes(5).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database "${name}" template "${template}"`));
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
