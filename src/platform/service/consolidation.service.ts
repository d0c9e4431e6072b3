/**
 * Terminal consolidation (终端整合): in each community, the terminals whose business apps
 * are ALL integrated into the one-stop platform can be retired onto the unified terminal
 * (统一终端). The plan is computed from the synced data; executing it marks those
 * terminals CONSOLIDATED with who and when, audited, in one transaction.
 *
 * A terminal is plannable when: it exists on the platform (not deleted), the platform
 * reports it ACTIVE, Zhunru has not consolidated or retired it, it serves at least one
 * live app, and every live app it serves is integrated. Deleted apps are ignored (they
 * need no terminal any more).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Region, RegionLevel } from '../../geography';
import type { Actor } from '../../kernel/context';
import { audit } from '../../kernel/mutation';

/** SQL predicate over a terminal aliased `t` (a subquery per row: for a few communities at a time). */
export const PLANNABLE_SQL = `(
  t.deleted_at is null
  and t.platform_status = 'ACTIVE'
  and t.status in ('ACTIVE', 'PLANNED_FOR_CONSOLIDATION')
  and exists (select 1 from terminal_app ta join business_app a on a.id = ta.business_app_id
               where ta.terminal_id = t.id and a.deleted_at is null)
  and not exists (select 1 from terminal_app ta join business_app a on a.id = ta.business_app_id
                   where ta.terminal_id = t.id and a.deleted_at is null and not a.integrated)
)`;

/**
 * Per terminal with at least one live app: whether every live app it serves is
 * integrated. One grouped pass over the links (hash aggregate), so it costs the same
 * whatever the planner believes about the table sizes.
 */
export function appsIntegratedSql(only = ''): string {
  return `
  select ta.terminal_id, bool_and(a.integrated) as all_integrated
    from terminal_app ta join business_app a on a.id = ta.business_app_id
   where a.deleted_at is null ${only.replace(/\bt\.id\b/g, 'ta.terminal_id')}
   group by ta.terminal_id`;
}
export const APPS_INTEGRATED_SQL = appsIntegratedSql();

/**
 * Brings the stored plan (status PLANNED_FOR_CONSOLIDATION) in line with the data: run
 * after every sync of apps or terminals that changed something. Set-based (one
 * aggregate, one join), not a subquery per terminal. Scoped to some terminals (`$1`,
 * terminal ids) or to the terminals of some apps (`$1`, app ids); unscoped: all.
 */
export function refreshConsolidationPlanSql(scope?: 'terminals' | 'apps'): string {
  const only =
    scope === 'terminals'
      ? 'and t.id = any($1::int[])'
      : scope === 'apps'
        ? 'and t.id in (select terminal_id from terminal_app where business_app_id = any($1::int[]))'
        : '';
  return `
  update terminal t
     set status = x.wanted::terminal_status, updated_at = now()
    from (
      select t.id,
             case when t.platform_status = 'ACTIVE' and coalesce(f.all_integrated, false)
                  then 'PLANNED_FOR_CONSOLIDATION' else 'ACTIVE' end as wanted
        from terminal t
        left join (${appsIntegratedSql(only)}) f on f.terminal_id = t.id
       where t.deleted_at is null and t.status in ('ACTIVE', 'PLANNED_FOR_CONSOLIDATION') ${only}
    ) x
   where x.id = t.id and t.status::text <> x.wanted
     -- re-checked on the row's latest version: never undoes a consolidation committed meanwhile
     and t.status in ('ACTIVE', 'PLANNED_FOR_CONSOLIDATION') and t.deleted_at is null`;
}

/** The whole plan, for every terminal. */
export const REFRESH_CONSOLIDATION_PLAN_SQL = refreshConsolidationPlanSql();

/** The condition (on a community aliased `c`) selecting the communities inside a region, with `?` parameters. */
export function communitiesWithinSql(region: Region, alias = 'c'): { sql: string; params: unknown[] } {
  switch (region.level) {
    case RegionLevel.TOWNSHIP:
      return { sql: `${alias}.township_id = ?`, params: [region.id] };
    case RegionLevel.COUNTY:
      return { sql: `${alias}.county_id = ?`, params: [region.id] };
    default:
      return { sql: `${alias}.code like ?`, params: [`${region.codePrefix}%`] };
  }
}

export interface CommunityPlanRow {
  communityId: number;
  townshipId: number;
  countyId: number;
  /** Terminals in use now (active or planned). */
  terminalsInUse: number;
  /** Of those, the ones the plan retires onto the unified terminal. */
  terminalsPlanned: number;
  /** Terminals already consolidated earlier. */
  terminalsConsolidated: number;
  /** Terminals in use once the plan is carried out (the unified terminal counts once). */
  terminalsAfter: number;
  /** Distinct apps the planned terminals serve, now reachable on the unified terminal. */
  appsCovered: number;
}

export interface PlanTotals {
  communities: number;
  communitiesWithPlan: number;
  terminalsInUse: number;
  terminalsPlanned: number;
  terminalsConsolidated: number;
  terminalsAfter: number;
  terminalsRemoved: number;
  appsCovered: number;
}

/** The plan for every community of a region that has terminals, in one statement. */
export async function communityPlan(em: EntityManager, region: Region, communityIds?: number[]): Promise<CommunityPlanRow[]> {
  const within = communitiesWithinSql(region);
  const only = communityIds?.length ? 'and c.id in (?)' : '';
  const rows: Array<Record<string, string | number>> = await em.execute(
    `with t as (
       select t.id, t.community_id, t.status,
              (t.platform_status = 'ACTIVE' and t.status in ('ACTIVE', 'PLANNED_FOR_CONSOLIDATION') and coalesce(f.all_integrated, false)) as plannable
         from terminal t join community c on c.id = t.community_id
         left join (${appsIntegratedSql(
           `and ta.terminal_id in (select t2.id from terminal t2 join community c on c.id = t2.community_id where ${within.sql} ${only})`,
         )}) f on f.terminal_id = t.id
        where t.deleted_at is null and ${within.sql} ${only}
     ),
     apps as (
       select t.community_id, count(distinct ta.business_app_id) as n
         from t join terminal_app ta on ta.terminal_id = t.id
         join business_app a on a.id = ta.business_app_id and a.deleted_at is null
        where t.plannable group by t.community_id
     )
     select c.id as community_id, c.township_id, c.county_id,
            count(*) filter (where t.status in ('ACTIVE', 'PLANNED_FOR_CONSOLIDATION')) as in_use,
            count(*) filter (where t.plannable) as planned,
            count(*) filter (where t.status = 'CONSOLIDATED') as consolidated,
            coalesce(max(apps.n), 0) as apps_covered
       from t join community c on c.id = t.community_id
       left join apps on apps.community_id = c.id
      group by c.id, c.township_id, c.county_id, c.code
      order by c.code`,
    [...within.params, ...(communityIds?.length ? [communityIds] : []), ...within.params, ...(communityIds?.length ? [communityIds] : [])],
  );
  return rows.map((r) => {
    const inUse = Number(r.in_use);
    const planned = Number(r.planned);
    const consolidated = Number(r.consolidated);
    // The unified terminal is added once, unless an earlier consolidation put it there.
    const unified = planned > 0 && consolidated === 0 ? 1 : 0;
    return {
      communityId: Number(r.community_id),
      townshipId: Number(r.township_id),
      countyId: Number(r.county_id),
      terminalsInUse: inUse,
      terminalsPlanned: planned,
      terminalsConsolidated: consolidated,
      terminalsAfter: inUse - planned + unified,
      appsCovered: Number(r.apps_covered),
    };
  });
}

export function totalsOf(rows: CommunityPlanRow[]): PlanTotals {
  const t: PlanTotals = {
    communities: rows.length,
    communitiesWithPlan: 0,
    terminalsInUse: 0,
    terminalsPlanned: 0,
    terminalsConsolidated: 0,
    terminalsAfter: 0,
    terminalsRemoved: 0,
    appsCovered: 0,
  };
  for (const r of rows) {
    if (r.terminalsPlanned > 0) t.communitiesWithPlan++;
    t.terminalsInUse += r.terminalsInUse;
    t.terminalsPlanned += r.terminalsPlanned;
    t.terminalsConsolidated += r.terminalsConsolidated;
    t.terminalsAfter += r.terminalsAfter;
    t.appsCovered += r.appsCovered;
  }
  t.terminalsRemoved = t.terminalsInUse - t.terminalsAfter;
  return t;
}

export interface ConsolidationExecuted {
  consolidatedAt: Date;
  /** Per community: the terminals consolidated (ids). */
  communities: Array<{ communityId: number; countyId: number; terminalIds: number[]; externalIds: string[] }>;
  terminals: number;
}

/**
 * Marks the plannable terminals of the given communities CONSOLIDATED, with who and when,
 * and writes one audit event per community, all in the caller's transaction (`em` must be
 * a transactional EntityManager). Rows are locked first, so two executions at the same
 * time consolidate each terminal once.
 */
export async function executeConsolidation(
  em: EntityManager,
  who: { actor: Actor; requestId?: string },
  communityIds: number[],
  comment?: string | null,
): Promise<ConsolidationExecuted> {
  const consolidatedAt = new Date();
  if (!communityIds.length) return { consolidatedAt, communities: [], terminals: 0 };
  const locked: Array<{ id: number; external_id: string; community_id: number; county_id: number; status: string }> = await em.execute(
    `select t.id, t.external_id, t.community_id, c.county_id, t.status
       from terminal t join community c on c.id = t.community_id
      where t.community_id in (?) and ${PLANNABLE_SQL}
      order by t.id
        for update of t`,
    [communityIds],
  );
  if (!locked.length) return { consolidatedAt, communities: [], terminals: 0 };
  await em.execute(
    `update terminal set status = 'CONSOLIDATED', consolidated_at = ?, consolidated_by_id = ?, consolidated_by_username = ?, updated_at = now()
      where id in (?)`,
    [consolidatedAt, who.actor.userId, who.actor.username, locked.map((r) => r.id)],
  );
  const byCommunity = new Map<number, ConsolidationExecuted['communities'][number]>();
  for (const r of locked) {
    let entry = byCommunity.get(r.community_id);
    if (!entry) byCommunity.set(r.community_id, (entry = { communityId: r.community_id, countyId: r.county_id, terminalIds: [], externalIds: [] }));
    entry.terminalIds.push(r.id);
    entry.externalIds.push(r.external_id);
  }
  for (const entry of byCommunity.values()) {
    await audit(em, who, {
      action: 'terminal.consolidate',
      entity: { type: 'Community', id: entry.communityId },
      before: { terminals: locked.filter((r) => r.community_id === entry.communityId).map((r) => ({ externalId: r.external_id, status: r.status })) },
      after: { terminals: entry.externalIds.map((externalId) => ({ externalId, status: 'CONSOLIDATED' })), consolidatedAt: consolidatedAt.toISOString() },
      comment: comment ?? null,
      countyId: entry.countyId,
    });
  }
  await em.flush();
  return { consolidatedAt, communities: [...byCommunity.values()], terminals: locked.length };
}
