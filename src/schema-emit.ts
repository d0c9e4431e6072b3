/**
 * `npm run schema:emit`: writes schema/schema.graphql from the code. The file is
 * committed for front-end teams (type generation); a test fails when it is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createSchema, printSchemaSdl } from './schema';
import { AuthService } from './auth';

export const SCHEMA_FILE = path.resolve(__dirname, '..', 'schema', 'schema.graphql');

export async function currentSdl(): Promise<string> {
  // Building the schema needs no database and no real secret.
  return printSchemaSdl(await createSchema({ auth: new AuthService('schema-emit-only'.padEnd(32, '.'), 60) }));
}

if (require.main === module) {
  currentSdl()
    .then((sdl) => {
      fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
      fs.writeFileSync(SCHEMA_FILE, sdl);
      console.log(`written ${path.relative(process.cwd(), SCHEMA_FILE)} (${sdl.split('\n').length} lines)`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
