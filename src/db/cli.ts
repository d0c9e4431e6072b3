/**
 * Database commands: `migrate` (apply pending migrations), `migration:create`
 * (write a new migration from the difference between the entities and the database),
 * `seed` (load the demo county into an empty database).
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR when it is unset.
 */
import { loadConfig, ConfigError } from '../config';
import { openDatabase } from './prepare';
import { seedDemoCounty } from './seed/seed';

async function main(): Promise<void> {
  const command = process.argv[2];
  if (!['migrate', 'migration:create', 'seed'].includes(command)) {
    console.error('usage: cli (migrate | migration:create [name] | seed)');
    process.exit(2);
  }
  const config = loadConfig();
  const db = await openDatabase(config, { migrate: command !== 'migration:create' });
  try {
    if (command === 'migration:create') {
      const result = await db.orm.getMigrator().createMigration(undefined, false, false, process.argv[3]);
      console.log(result.fileName ? `written ${result.fileName}` : 'no changes');
    } else if (command === 'seed') {
      const seeded = await seedDemoCounty(db.orm.em.fork());
      console.log(seeded ? `seeded: ${JSON.stringify(seeded)}` : 'database is not empty: nothing seeded');
    } else {
      console.log('migrations up to date');
    }
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
