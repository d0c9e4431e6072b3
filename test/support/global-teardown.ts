import fs from 'node:fs';
import { dropDatabase } from './databases';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.ZR_TEST_TEMPLATE;
  const adminUrl = process.env.ZR_TEST_ADMIN_URL;
  if (template && adminUrl) await dropDatabase(adminUrl, template, { template: true }).catch(() => undefined);
  const embedded = (globalThis as any).__ZR_EMBEDDED__;
  if (embedded) {
    await embedded.db.stop();
    fs.rmSync(embedded.dataDir, { recursive: true, force: true });
  }
}
