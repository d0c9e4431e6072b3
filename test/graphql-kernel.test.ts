import { startTestApi, type TestApi } from './support/api';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const COMMUNITIES_DEEP = `query($first: Int!) {
  communities(first: $first) {
    totalCount
    nodes { id code name township { name code } county { name parent { name } departments { name } } departments { shortName } }
  }
}`;

describe('nested fields are batched', () => {
  it('runs the same small number of SQL statements for 5, 20 and 50 communities with township, county and departments', async () => {
    const counts: Record<number, number> = {};
    for (const first of [5, 20, 50]) {
      t.resetQueries();
      const r = await t.gql(COMMUNITIES_DEEP, { first });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.communities.nodes).toHaveLength(first);
      const node = r.body.data.communities.nodes[first - 1];
      expect(node.county.name).toBe('青衣县');
      expect(node.county.parent.name).toBe('雅安市');
      expect(node.departments.length).toBeGreaterThanOrEqual(30);
      counts[first] = t.queries.length;
    }
    // page + count + townships/counties (one batch) + city + departments (one batch)
    expect(counts[50]).toBe(counts[5]);
    expect(counts[20]).toBe(counts[5]);
    expect(counts[50]).toBeLessThanOrEqual(6);
  });
});

describe('connections', () => {
  const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $filter: CommunityFilter) {
    communities(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      edges { cursor node { code } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  let all: string[];

  beforeAll(async () => {
    const r = await t.gql(`{ communities(first: 100, filter: { regionCode: "511828001000" }) { nodes { code } } }`);
    all = r.body.data.communities.nodes.map((n: { code: string }) => n.code);
    expect(all.length).toBeGreaterThan(6);
    expect([...all].sort()).toEqual(all);
  });

  it('pages forward with first/after to the last page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const r: any = await t.gql(PAGE, { first: 3, after, filter: { regionCode: '511828001000' } });
      const c = r.body.data.communities;
      expect(c.totalCount).toBe(all.length);
      seen.push(...c.edges.map((e: any) => e.node.code));
      pages++;
      expect(c.pageInfo.hasPreviousPage).toBe(pages > 1);
      if (!c.pageInfo.hasNextPage) {
        expect(c.edges.length).toBeLessThanOrEqual(3);
        expect(c.edges.length).toBeGreaterThan(0);
        break;
      }
      after = c.pageInfo.endCursor;
      expect(c.edges[c.edges.length - 1].cursor).toBe(after);
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it('pages backward with last/before', async () => {
    const r1 = await t.gql(PAGE, { last: 2, filter: { regionCode: '511828001000' } });
    const c1 = r1.body.data.communities;
    expect(c1.edges.map((e: any) => e.node.code)).toEqual(all.slice(-2));
    expect(c1.pageInfo.hasPreviousPage).toBe(true);
    const r2 = await t.gql(PAGE, { last: 2, before: c1.pageInfo.startCursor, filter: { regionCode: '511828001000' } });
    expect(r2.body.data.communities.edges.map((e: any) => e.node.code)).toEqual(all.slice(-4, -2));
  });

  it('returns an empty connection for no match and for first: 0', async () => {
    const none = await t.gql(PAGE, { first: 5, filter: { search: '不存在的地名' } });
    expect(none.body.data.communities).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    const zero = await t.gql(PAGE, { first: 0, filter: { regionCode: '511828001000' } });
    expect(zero.body.data.communities.edges).toEqual([]);
    expect(zero.body.data.communities.totalCount).toBe(all.length);
  });

  it('rejects an invalid cursor, a cursor of another ordering, both first and last, and too large a page as BAD_USER_INPUT', async () => {
    for (const variables of [
      { first: 2, after: 'not-a-cursor!' },
      { first: 2, after: Buffer.from('{"x":1}').toString('base64url') },
      { first: 2, after: Buffer.from('["a"]').toString('base64url') },
      { first: 2, last: 2 },
      { first: 101 },
    ]) {
      const r = await t.gql(PAGE, variables);
      expect(r.body.data?.communities ?? null).toBeNull();
      expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors[0].extensions.details.length).toBeGreaterThan(0);
      expect(r.body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('keeps a stable total order when the sort key repeats (name order, id tie-break)', async () => {
    const q = `query($after: String) { communities(first: 40, after: $after, orderBy: { field: NAME, direction: DESC }) { nodes { id name } pageInfo { endCursor hasNextPage } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const r: any = await t.gql(q, { after });
      ids.push(...r.body.data.communities.nodes.map((n: any) => n.id));
      after = r.body.data.communities.pageInfo.hasNextPage ? r.body.data.communities.pageInfo.endCursor : null;
    } while (after);
    const total = (await t.gql(`{ communities(first: 1) { totalCount } }`)).body.data.communities.totalCount;
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });
});

describe('regions, communities and departments', () => {
  it('navigates the tree from the province down and back up', async () => {
    const r = await t.gql(`{
      region(code: "510000") { name level children { name code level children { name level children { name kind communityCount } } } }
    }`);
    expect(r.body.errors).toBeUndefined();
    const province = r.body.data.region;
    expect(province).toMatchObject({ name: '四川省', level: 'PROVINCE' });
    const city = province.children[0];
    expect(city).toMatchObject({ name: '雅安市', level: 'CITY' });
    const county = city.children[0];
    expect(county).toMatchObject({ name: '青衣县', level: 'COUNTY' });
    expect(county.children.length).toBeGreaterThanOrEqual(8);
    const total = county.children.reduce((n: number, tw: any) => n + tw.communityCount, 0);
    const all = await t.gql(
      `{ communities(first: 1, filter: { regionCode: "511828" }) { totalCount } county: region(code: "511828") { communityCount } province: region(code: "510000") { communityCount } }`,
    );
    expect(all.body.data.communities.totalCount).toBe(total);
    expect(all.body.data.county.communityCount).toBe(total);
    expect(all.body.data.province.communityCount).toBe(total);

    const up = await t.gql(`{ community(code: "${'511828001001'}") { name township { name } ancestors: township { ancestors { level name } } } }`);
    expect(up.body.data.community.ancestors.ancestors.map((a: any) => a.level)).toEqual(['PROVINCE', 'CITY', 'COUNTY']);
  });

  it('finds communities by code, by region and by name', async () => {
    const byCode = await t.gql(`{ community(code: "511828001001") { id code name type } }`);
    const c = byCode.body.data.community;
    expect(c.code).toBe('511828001001');
    const viaNode = await t.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Community { code } } }`, { id: c.id });
    expect(viaNode.body.data.node).toEqual({ __typename: 'Community', id: c.id, code: c.code });

    const needle = c.name.slice(0, 2);
    const byName = await t.gql(`query($s: String) { communities(first: 100, filter: { search: $s }) { nodes { name } } }`, { s: needle });
    expect(byName.body.data.communities.nodes.length).toBeGreaterThan(0);
    for (const n of byName.body.data.communities.nodes) expect(n.name).toContain(needle);

    const villages = await t.gql(`{ communities(first: 100, filter: { regionCode: "511828", type: VILLAGE }) { totalCount nodes { type code } } }`);
    expect(villages.body.data.communities.totalCount).toBeGreaterThan(50);
    for (const n of villages.body.data.communities.nodes) {
      expect(n.type).toBe('VILLAGE');
      expect(n.code.startsWith('511828')).toBe(true);
    }
  });

  it('lists departments of a region with valid credit codes, and finds one by code', async () => {
    const r = await t.gql(`{ departments(first: 100, filter: { regionCode: "511828" }) { totalCount nodes { id name shortName uscc region { code } } } }`);
    const { totalCount, nodes } = r.body.data.departments;
    expect(totalCount).toBeGreaterThanOrEqual(30);
    expect(nodes.every((d: any) => d.region.code === '511828')).toBe(true);
    const withCode = nodes.find((d: any) => d.uscc);
    const found = await t.gql(`query($s: String) { departments(filter: { search: $s }) { nodes { id } } }`, { s: withCode.uscc });
    expect(found.body.data.departments.nodes).toEqual([{ id: withCode.id }]);
  });

  it('answers node(id) with null for an unknown key and BAD_USER_INPUT for a malformed ID', async () => {
    const unknown = Buffer.from('Region:999999').toString('base64url');
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: unknown })).body.data.node).toBeNull();
    const bad = await t.gql(`{ node(id: "garbage") { id } }`);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const wrongType = await t.gql(`query($id: ID!) { department(id: $id) { id } }`, { id: unknown });
    expect(wrongType.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('data elements', () => {
  it('lists the catalogue with the platform source and the sharing scope, batched', async () => {
    t.resetQueries();
    const r = await t.gql(`{ dataElements(first: 50) { totalCount nodes { code name collectedOnPlatform sourceSystem sharedWith { shortName } } } }`);
    const { totalCount, nodes } = r.body.data.dataElements;
    expect(totalCount).toBeGreaterThanOrEqual(10);
    const elderly = nodes.find((n: any) => n.name === '80周岁以上老年人数');
    expect(elderly.collectedOnPlatform).toBe(true);
    expect(elderly.sourceSystem).toMatch(/一体化政务服务平台/);
    expect(elderly.sharedWith.map((d: any) => d.shortName)).toContain('县民政局');
    // page + count + pivot + departments, whatever the page size
    expect(t.queries.length).toBeLessThanOrEqual(4);
  });
});

describe('pages load what they show', () => {
  const pageSql = () => t.queries.filter((q) => /from "admission_application"/.test(q) && / limit /.test(q));
  const countSql = () => t.queries.filter((q) => /count\(\*\)/.test(q) && /admission_application/.test(q));

  it('selects only the columns of the fields asked for (and what their resolvers need)', async () => {
    const admin = await t.signIn('admin');
    t.resetQueries();
    const r = await t.gql(`{ applications(first: 5) { nodes { id number title department { name } } } }`, {}, { token: admin });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.applications.nodes.length).toBeGreaterThan(0);
    expect(r.body.data.applications.nodes[0].department.name).toBeTruthy();
    const [page] = pageSql();
    expect(page).toMatch(/"number"/);
    expect(page).not.toMatch(/"community_ids"|"findings"|"ledgers"|\.\*/);
    // availableActions reads the findings and the workflow state: they are loaded for it
    t.resetQueries();
    const actions = await t.gql(`{ applications(first: 5) { nodes { id availableActions blockingCount } } }`, {}, { token: admin });
    expect(actions.body.errors).toBeUndefined();
    expect(pageSql()[0]).toMatch(/"findings".*"acknowledged_warnings"|"acknowledged_warnings".*"findings"/);
  });

  it('counts without a count statement when the first page holds every match, and with one otherwise', async () => {
    const admin = await t.signIn('admin');
    t.resetQueries();
    const all = await t.gql(`{ applications(first: 100) { totalCount nodes { id } } }`, {}, { token: admin });
    const { totalCount, nodes } = all.body.data.applications;
    expect(nodes.length).toBeLessThan(100); // the seed has fewer: one page holds them
    expect(totalCount).toBe(nodes.length);
    expect(countSql()).toHaveLength(0);
    t.resetQueries();
    const one = await t.gql(`{ applications(first: 1) { totalCount pageInfo { endCursor } } }`, {}, { token: admin });
    expect(one.body.data.applications.totalCount).toBe(totalCount);
    expect(countSql()).toHaveLength(1);
    const rest = await t.gql(
      `query($a: String!) { applications(first: 100, after: $a) { totalCount nodes { id } } }`,
      { a: one.body.data.applications.pageInfo.endCursor },
      { token: admin },
    );
    expect(rest.body.data.applications.totalCount).toBe(totalCount); // after a cursor the page is not the whole list: counted
    expect(rest.body.data.applications.nodes).toHaveLength(totalCount - 1);
  });
});
