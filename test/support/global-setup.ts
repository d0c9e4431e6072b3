import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { prepareTemplateDatabase } from './databases';

/**
 * Jest global setup: one PostgreSQL server for the whole run.
 * DATABASE_URL set → that server; unset → an embedded PostgreSQL in a temporary folder.
 * A template database (migrations applied, demo county seeded) is built once; each test
 * file clones it (CREATE DATABASE … TEMPLATE) so files run in parallel without sharing rows.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhunru-test-'));
    // mkdtemp makes the folder private; PostgreSQL runs as its own OS user when we are root.
    fs.chmodSync(dataDir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir });
    (globalThis as any).__ZR_EMBEDDED__ = { db, dataDir };
    adminUrl = db.url;
  }
  process.env.ZR_TEST_ADMIN_URL = adminUrl;
  process.env.ZR_TEST_TEMPLATE = await prepareTemplateDatabase(adminUrl);
}
