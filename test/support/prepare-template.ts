/**
 * Run as a child process by the Jest global setup: migrates and seeds the template
 * database. MikroORM keeps global metadata, which must not be created in Jest's parent
 * process (tests run in-band there would then see another realm's Maps).
 */
import { prepareDatabase } from '../../src/db/prepare';

prepareDatabase(process.argv[2], { migrate: true, seed: true }).catch((err) => {
  console.error(err);
  process.exit(1);
});
