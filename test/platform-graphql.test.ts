/**
 * The platform-integration GraphQL API over demo-county data synced from the simulator:
 * apps and terminals (filters, nested fields without N+1), collected values within the
 * sharing scope (FORBIDDEN outside), sync runs and dead letters, the terminal
 * consolidation plan and its execution, and collect-once.
 */
import { startTestApi, type TestApi } from './support/api';
import { adapterFor, startSim } from './support/platform';
import type { RunningSimulator } from '../integrations/simulator/server';
import { runSync } from '../src/platform/sync/run';
import { SyncKind, SyncMode } from '../src/platform/entity/sync-run.entity';
import { DEMO_INTEGRATION_TOKEN } from '../src/db/seed/seed';
import { toGlobalId } from '../src/kernel/global-id';

describe('platform GraphQL API', () => {
  let t: TestApi;
  let sim: RunningSimulator;
  let admin: string;
  let reviewer: string;
  let deptCivil: string;
  let countyId: string;
  let chengdongId: string;
  const sql = (q: string, params: unknown[] = []) => t.orm.em.getConnection().execute(q, params);

  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSim();
    const adapter = adapterFor(sim);
    for (const kind of [SyncKind.APPS, SyncKind.TERMINALS, SyncKind.COLLECTED_VALUES] as const) {
      await runSync({ orm: t.orm, adapter, kind, mode: SyncMode.FULL });
    }
    [admin, reviewer, deptCivil] = await Promise.all([t.signIn('admin'), t.signIn('reviewer'), t.signIn('dept_civil')]);
    const [county] = await sql(`select id from region where code = '511828'`);
    const [chengdong] = await sql(`select id from region where code = '511828001000'`);
    countyId = toGlobalId('Region', county.id);
    chengdongId = toGlobalId('Region', chengdong.id);
  });

  afterAll(async () => {
    await sim?.close();
    await t?.close();
  });

  it('lists business apps with their departments, and terminals with community and apps, without N+1', async () => {
    const apps = await t.gql(
      `{ businessApps(first: 100, filter: { integrated: true }) { totalCount nodes { externalId name integrated department { shortName } terminalCount } } }`,
    );
    expect(apps.body.errors).toBeUndefined();
    const [{ n: integrated }] = await sql(`select count(*)::int as n from business_app where integrated and deleted_at is null`);
    expect(apps.body.data.businessApps.totalCount).toBe(integrated);
    const shbz = apps.body.data.businessApps.nodes.find((a: { externalId: string }) => a.externalId === 'APP-511828-SHJZ');
    expect(shbz).toMatchObject({ name: '社会救助信息系统', department: { shortName: '县民政局' } });
    expect(shbz.terminalCount).toBeGreaterThan(0);

    t.resetQueries();
    const terminals = await t.gql(
      `{ terminals(first: 100) { totalCount nodes { externalId status platformStatus community { code township { name } } apps { externalId department { shortName } } } } }`,
      {},
      { token: reviewer },
    );
    expect(terminals.body.errors).toBeUndefined();
    expect(terminals.body.data.terminals.nodes).toHaveLength(100);
    const node = terminals.body.data.terminals.nodes[0];
    expect(node.community.code).toMatch(/^511828\d{6}$/);
    expect(node.apps.length).toBeGreaterThan(0);
    // page + count, communities, townships, pivot, apps, departments: a handful, not hundreds.
    expect(t.queries.length).toBeLessThanOrEqual(8);
  });

  it('filters terminals by region, community, department, status and integration', async () => {
    const q = `query($f: TerminalFilter) { terminals(first: 100, filter: $f) { totalCount nodes { externalId status community { code } apps { integrated department { shortName } } } } }`;
    const inTownship = await t.gql(q, { f: { regionId: chengdongId } }, { token: reviewer });
    expect(inTownship.body.data.terminals.nodes.every((n: any) => n.community.code.startsWith('511828001'))).toBe(true);
    const [{ n }] = await sql(
      `select count(*)::int as n from terminal t join community c on c.id = t.community_id where c.code like '511828001%' and t.deleted_at is null`,
    );
    expect(inTownship.body.data.terminals.totalCount).toBe(n);

    const civil = await t.gql(
      q,
      { f: { departmentId: toGlobalId('Department', (await sql(`select id from department where short_name = '县民政局'`))[0].id) } },
      { token: reviewer },
    );
    expect(civil.body.data.terminals.totalCount).toBeGreaterThan(0);
    expect(civil.body.data.terminals.nodes.every((n: any) => n.apps.some((a: any) => a.department?.shortName === '县民政局'))).toBe(true);

    const planned = await t.gql(q, { f: { status: ['PLANNED_FOR_CONSOLIDATION'] } }, { token: reviewer });
    expect(planned.body.data.terminals.nodes.every((n: any) => n.status === 'PLANNED_FOR_CONSOLIDATION' && n.apps.every((a: any) => a.integrated))).toBe(true);
    const notIntegrated = await t.gql(q, { f: { integrated: false } }, { token: reviewer });
    expect(notIntegrated.body.data.terminals.nodes.every((n: any) => n.apps.some((a: any) => !a.integrated))).toBe(true);
    const integrated = await t.gql(q, { f: { integrated: true } }, { token: reviewer });
    const [{ n: total }] = await sql(`select count(*)::int as n from terminal where deleted_at is null`);
    expect(integrated.body.data.terminals.totalCount + notIntegrated.body.data.terminals.totalCount).toBe(total);

    const bad = await t.gql(q, { f: { communityId: 'nonsense' } }, { token: reviewer });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('collected values: within the sharing scope for a department, FORBIDDEN outside it', async () => {
    const q = `query($code: String!, $f: CollectedValueFilter) { collectedValues(dataElementCode: $code, first: 5, filter: $f) { totalCount nodes { period value source community { code } dataElement { code } } } }`;
    // 县民政局 is in the scope of 80周岁以上老年人数.
    const ok = await t.gql(q, { code: 'DE.RK.0003', f: { regionId: chengdongId } }, { token: deptCivil });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.collectedValues.nodes[0].dataElement.code).toBe('DE.RK.0003');
    const [{ n }] = await sql(
      `select count(*)::int as n from collected_value v join community c on c.id = v.community_id join data_element e on e.id = v.data_element_id
        where e.code = 'DE.RK.0003' and c.code like '511828001%' and v.deleted_at is null`,
    );
    expect(ok.body.data.collectedValues.totalCount).toBe(n);
    // …but not in the scope of 退役军人数.
    const denied = await t.gql(q, { code: 'DE.TY.0001' }, { token: deptCivil });
    expect(denied.body.data).toBeNull();
    expect(denied.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(denied.body.errors[0].message).toContain('共享范围');
    // County staff read every element; anonymous callers must sign in.
    expect((await t.gql(q, { code: 'DE.TY.0001' }, { token: reviewer })).body.data.collectedValues.totalCount).toBeGreaterThan(0);
    expect((await t.gql(q, { code: 'DE.TY.0001' })).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(q, { code: 'NO.SUCH' }, { token: admin })).body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('sync runs are listed for signed-in users; dead letters for admins and the integration account only', async () => {
    const runs = await t.gql(
      `{ syncRuns(first: 10, filter: { status: SUCCEEDED }) { totalCount nodes { kind mode status created updated unchanged rejected deleted cursorAfter startedAt finishedAt } } }`,
      {},
      { token: reviewer },
    );
    expect(runs.body.errors).toBeUndefined();
    expect(runs.body.data.syncRuns.totalCount).toBe(3);
    expect(runs.body.data.syncRuns.nodes.map((r: any) => r.kind).sort()).toEqual(['APPS', 'COLLECTED_VALUES', 'TERMINALS']);
    const q = `{ syncRejectedRecords(first: 5) { totalCount } }`;
    expect((await t.gql(q, {}, { token: DEMO_INTEGRATION_TOKEN })).body.data.syncRejectedRecords.totalCount).toBe(0);
    expect((await t.gql(q, {}, { token: deptCivil })).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('the consolidation plan per community, township and county, and its execution: atomic, audited, once', async () => {
    const PLAN = `query($id: ID!) { consolidationPlan(regionId: $id) {
        region { code }
        totals { communities communitiesWithPlan terminalsInUse terminalsPlanned terminalsConsolidated terminalsAfter terminalsRemoved appsCovered }
        counties { region { code } terminalsPlanned terminalsAfter }
        townships { region { code name } terminalsInUse terminalsPlanned terminalsAfter }
        communities { community { code } terminalsInUse terminalsPlanned terminalsConsolidated terminalsAfter appsCovered plannedTerminals { externalId status } } } }`;
    const plan = (await t.gql(PLAN, { id: countyId }, { token: reviewer })).body.data.consolidationPlan;
    const [{ n: planned }] = await sql(`select count(*)::int as n from terminal where status = 'PLANNED_FOR_CONSOLIDATION' and deleted_at is null`);
    expect(planned).toBeGreaterThan(0);
    expect(plan.totals.terminalsPlanned).toBe(planned);
    expect(plan.counties).toEqual([{ region: { code: '511828' }, terminalsPlanned: planned, terminalsAfter: plan.totals.terminalsAfter }]);
    expect(plan.townships).toHaveLength(10);
    expect(plan.townships.reduce((s: number, x: any) => s + x.terminalsPlanned, 0)).toBe(planned);
    expect(plan.totals.terminalsRemoved).toBe(plan.totals.terminalsInUse - plan.totals.terminalsAfter);
    for (const c of plan.communities) {
      expect(c.plannedTerminals).toHaveLength(c.terminalsPlanned);
      const unified = c.terminalsPlanned > 0 && c.terminalsConsolidated === 0 ? 1 : 0;
      expect(c.terminalsAfter).toBe(c.terminalsInUse - c.terminalsPlanned + unified);
    }

    // Both communityIds and regionId: bad input, nothing changes.
    const EXEC = `mutation($i: ExecuteConsolidationInput!) { executeConsolidation(input: $i) { consolidatedAt terminalsConsolidated communities { community { code } terminalCount terminals { externalId status consolidatedAt consolidatedByUsername } } } }`;
    const bad = await t.gql(EXEC, { i: { regionId: chengdongId, communityIds: [] } }, { token: reviewer });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(EXEC, { i: { regionId: chengdongId } }, { token: deptCivil })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const [{ n: unchanged }] = await sql(`select count(*)::int as n from terminal where status = 'CONSOLIDATED' and consolidated_at is not null`);
    expect(unchanged).toBe(0);

    const township = plan.townships.find((x: any) => x.region.code === '511828001000');
    const done = await t.gql(EXEC, { i: { regionId: chengdongId, comment: '城东街道终端整合' } }, { token: reviewer });
    expect(done.body.errors).toBeUndefined();
    const result = done.body.data.executeConsolidation;
    expect(result.terminalsConsolidated).toBe(township.terminalsPlanned);
    for (const c of result.communities) {
      expect(
        c.terminals.every((x: any) => x.status === 'CONSOLIDATED' && x.consolidatedByUsername === 'reviewer' && x.consolidatedAt === result.consolidatedAt),
      ).toBe(true);
    }
    const audits = await sql(`select entity_type, entity_id, actor_username, comment, after from audit_event where action = 'terminal.consolidate'`);
    expect(audits).toHaveLength(result.communities.length);
    expect(audits.every((a: any) => a.entity_type === 'Community' && a.actor_username === 'reviewer' && a.comment === '城东街道终端整合')).toBe(true);

    // Executing again finds nothing left to do; the plan now shows the township done.
    const again = await t.gql(EXEC, { i: { regionId: chengdongId } }, { token: reviewer });
    expect(again.body.data.executeConsolidation.terminalsConsolidated).toBe(0);
    const after = (await t.gql(PLAN, { id: chengdongId }, { token: reviewer })).body.data.consolidationPlan;
    expect(after.totals.terminalsPlanned).toBe(0);
    expect(after.totals.terminalsConsolidated).toBe(
      township.terminalsPlanned +
        plan.communities.filter((c: any) => c.community.code.startsWith('511828001')).reduce((s: number, c: any) => s + c.terminalsConsolidated, 0),
    );

    // A sync in which the platform still reports them ACTIVE keeps Zhunru's decision.
    const id = result.communities[0].terminals[0].externalId;
    await fetch(`${sim.url}/__sim/touch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'terminals', externalIds: [id] }),
    });
    await runSync({ orm: t.orm, adapter: adapterFor(sim), kind: SyncKind.TERMINALS, mode: SyncMode.INCREMENTAL });
    const [row] = await sql(`select status, platform_status from terminal where external_id = ?`, [id]);
    expect(row).toEqual({ status: 'CONSOLIDATED', platform_status: 'ACTIVE' });
  });

  it('collect once: departments in scope share one collection; duplicates avoided are counted', async () => {
    const Q = `query($id: ID!, $p: String) { collectOnceOpportunities(regionId: $id, period: $p) {
        region { code } period collectionsRequested collectionsNeeded duplicateCollectionsAvoided
        opportunities { dataElement { code } period collectedOnPlatform communities collectionsRequested collectionsNeeded duplicateCollectionsAvoided
          sharedWith { shortName } outsideScope { shortName } } } }`;
    const res = await t.gql(Q, { id: countyId, p: '2026' }, { token: reviewer });
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data.collectOnceOpportunities;
    const [{ n: communities }] = await sql(`select count(*)::int as n from community c join region r on r.id = c.county_id where r.code = '511828'`);
    const [{ n: chengdong }] = await sql(`select count(*)::int as n from community where code like '511828001%'`);
    const byCode = Object.fromEntries(report.opportunities.map((o: any) => [o.dataElement.code, o]));
    expect(Object.keys(byCode).sort()).toEqual(['DE.NY.0001', 'DE.RK.0003']);

    // 80周岁以上老年人数: on the platform; 民政、卫健 county-wide and 医保 in 城东街道 share it;
    // 统计局 is outside the sharing scope and still counts as a collection.
    const elderly = byCode['DE.RK.0003'];
    expect(elderly).toMatchObject({ period: '2026', collectedOnPlatform: true, communities });
    expect(elderly.sharedWith.map((d: any) => d.shortName).sort()).toEqual(['县卫生健康局', '县医疗保障局', '县民政局'].sort());
    expect(elderly.outsideScope.map((d: any) => d.shortName)).toEqual(['县统计局']);
    expect(elderly.collectionsRequested).toBe(3 * communities + chengdong);
    expect(elderly.collectionsNeeded).toBe(communities);
    expect(elderly.duplicateCollectionsAvoided).toBe(2 * communities + chengdong);

    // 耕地面积: not on the platform; 农业农村局 and 自然资源局 need one collection instead of two.
    const land = byCode['DE.NY.0001'];
    expect(land).toMatchObject({
      collectedOnPlatform: false,
      communities,
      collectionsRequested: 2 * communities,
      collectionsNeeded: communities,
      duplicateCollectionsAvoided: communities,
    });
    expect(report.duplicateCollectionsAvoided).toBe(elderly.duplicateCollectionsAvoided + land.duplicateCollectionsAvoided);

    // Within one township only that township's communities count.
    const local = (await t.gql(Q, { id: chengdongId }, { token: reviewer })).body.data.collectOnceOpportunities;
    expect(local.opportunities.find((o: any) => o.dataElement.code === 'DE.RK.0003').communities).toBe(chengdong);

    // The requirements served by the one collection are marked.
    const reqs = await t.gql(
      `{ dataRequirements(first: 50, filter: { collectOnce: true }) { totalCount nodes { department { shortName } dataElement { code } source collectOnce } } }`,
      {},
      { token: reviewer },
    );
    expect(reqs.body.data.dataRequirements.nodes.map((r: any) => `${r.dataElement.code} ${r.department.shortName}`).sort()).toEqual(
      ['DE.NY.0001 县农业农村局', 'DE.NY.0001 县自然资源局', 'DE.RK.0003 县医疗保障局', 'DE.RK.0003 县卫生健康局', 'DE.RK.0003 县民政局'].sort(),
    );
  });
});
