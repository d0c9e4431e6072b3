/**
 * `npm run test:quick`: the suite without its slow families, for editing (about a minute
 * here instead of six). The whole suite (`npm test`) still runs before every commit that
 * touches what these leave out, and in .ci/run.
 *
 * Left out: schema-wide families and fuzzing (fuzz, hostile-input, permission-matrix),
 * the browser (verify-page), process crashes and store outages (platform-crash,
 * availability), and the long security and document walks (security, second-factor,
 * audit-chain, approval-documents, http-routes).
 */
const base = require('./jest.config');

const SLOW = [
  'fuzz',
  'hostile-input',
  'permission-matrix',
  'verify-page',
  'platform-crash',
  'availability',
  'security',
  'second-factor',
  'audit-chain',
  'approval-documents',
  'http-routes',
];

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', ...SLOW.map((name) => `/test/${name}\\.test\\.ts$`)],
};
