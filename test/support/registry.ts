/**
 * Shared set-up of the registry tests on the seeded demo county 青衣县: a running API,
 * tokens of the demo accounts, the county's and departments' IDs, GraphQL helpers.
 */
import { expect } from '@jest/globals';
import { startTestApi, type TestApi } from './api';

export interface RegistryFixture {
  t: TestApi;
  tokens: Record<string, string>;
  countyId: string;
  dept: Record<string, string>;
  home: string;
  ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T>;
  fails(query: string, variables: Record<string, unknown>, token: string): Promise<any>;
  /** Rows in a table (to show a refused mutation wrote nothing). */
  count(table: string): Promise<number>;
  /** The audit actions of a record, oldest first. */
  trail(id: string): Promise<string[]>;
  /** A community's global ID by its code. */
  community(code: string): Promise<string>;
}

export async function startRegistryFixture(): Promise<RegistryFixture> {
  const t = await startTestApi();
  const ok = async <T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const r = await t.gql(query, variables, { token });
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors, null, 1));
    return r.body.data as T;
  };
  const fails = async (query: string, variables: Record<string, unknown>, token: string): Promise<any> => {
    const r = await t.gql(query, variables, { token });
    expect(r.body.errors).toBeDefined();
    return r.body.errors[0];
  };
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
