/**
 * The import rules of the house (`npm run lint:deps`, run by .ci/run). See CONTRIBUTING.md
 * for the layers and docs/adr/0006-module-surfaces-and-events.md for why.
 *
 * Layers, bottom up: src/kernel and src/queue (no domain) → geography → organisation →
 * audit → auth → catalogue → platform → admission → registry → statistics → the
 * composition (src/http, src/db, src/cli, src/schema.ts, src/main.ts) and workers/.
 */
const DOMAIN = '(geography|organisation|audit|auth|catalogue|platform|admission|registry|statistics)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No file imports itself through others (type-only imports included).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-imports-no-domain',
      severity: 'error',
      comment: 'src/kernel and src/queue are the framework: they import no domain module, no composition, no workers.',
      from: { path: '^src/(kernel|queue)/' },
      to: { path: [`^src/${DOMAIN}/`, '^src/(http|db|cli)/', '^src/(schema|main|schema-emit)\\.ts$', '^workers/'] },
    },
    {
      name: 'modules-only-through-their-index',
      severity: 'error',
      comment: "Another module's files are reached only through its index.ts (its public surface). Migrations are frozen files and keep their imports.",
      from: { path: '^src/([^/]+)/', pathNot: '^src/db/migrations/' },
      to: { path: `^src/${DOMAIN}/.+`, pathNot: [`^src/${DOMAIN}/index\\.ts$`, '^src/$1/'] },
    },
    {
      name: 'entry-points-through-module-index',
      severity: 'error',
      comment: 'The same for the files at the root of src/, for workers/ and for integrations/.',
      from: { path: ['^src/[^/]+\\.ts$', '^workers/', '^integrations/'] },
      to: { path: `^src/${DOMAIN}/.+`, pathNot: `^src/${DOMAIN}/index\\.ts$` },
    },
    {
      name: 'src-does-not-import-workers',
      severity: 'error',
      comment: 'Only src/main.ts starts the worker process; everything else in src is imported by workers/, never the other way.',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^workers/' },
    },
    {
      name: 'domain-does-not-import-composition',
      severity: 'error',
      comment: 'Domain modules do not reach up into the composition (HTTP server, database set-up, CLIs, schema, entry point).',
      from: { path: `^src/${DOMAIN}/` },
      to: { path: ['^src/(db|cli)/', '^src/(schema|main|schema-emit)\\.ts$', '^src/http/(server|routes|graphiql|metrics|queue-dashboard)\\.ts$'] },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^(src|workers|integrations)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
    moduleSystems: ['cjs', 'es6'],
  },
};
