/**
 * Shared set-up of the registry tests on the seeded demo county 青衣县: a running API,
 * tokens of the demo accounts, the county's and departments' IDs, GraphQL helpers.
 */
import { startTestApi, type TestApi } from './api';
import { client, type Client } from './client';

export interface RegistryFixture {
  t: TestApi;
  tokens: Record<string, string>;
  countyId: string;
  dept: Record<string, string>;
  home: string;
  ok: Client['ok'];
  fails: Client['fails'];
  /** Rows in a table (to show a refused mutation wrote nothing). */
  count(table: string): Promise<number>;
  /** The audit actions of a record, oldest first. */
  trail(id: string): Promise<string[]>;
  /** A community's global ID by its code. */
  community(code: string): Promise<string>;
}

export async function startRegistryFixture(): Promise<RegistryFixture> {
  const t = await startTestApi();
  const { ok, fails } = client(() => t);
  const tokens: Record<string, string> = {};
  for (const u of ['admin', 'reviewer', 'inspector', 'dept_civil', 'community', 'township', 'analyst']) tokens[u] = await t.signIn(u);
  const r = await ok(
    `query { region(code: "511828") { id } departments(first: 100, filter: { regionCode: "511828" }) { nodes { id shortName } } me { community { id } } }`,
    {},
    tokens.community,
  );
  return {
    t,
    tokens,
    countyId: r.region.id,
    dept: Object.fromEntries(r.departments.nodes.map((d: any) => [d.shortName, d.id])),
    home: r.me.community.id,
    ok,
    fails,
    count: async (table) => Number((await t.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n),
    trail: async (id) => (await ok(`query($id: ID!) { auditTrail(recordId: $id) { action } }`, { id }, tokens.reviewer)).auditTrail.map((e: any) => e.action),
    community: async (code) => (await ok(`query($c: String!) { community(code: $c) { id } }`, { c: code }, tokens.reviewer)).community.id,
  };
}
