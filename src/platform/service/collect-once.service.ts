/**
 * Collect once, share to many (一次采集、多方共享).
 *
 * Departments declare what they need through DataRequirements (a data element, for the
 * communities of a region, for a period), written by the ledger and admission modules and
 * by the seed through `recordDataRequirement`. For one data element, period and
 * community:
 *
 *   requested  = the distinct departments that need it;
 *   shared     = those of them in the element's sharing scope (共享范围);
 *   needed     = one collection, or none when the platform already collects it, plus one
 *                per department outside the scope (it may not read the shared value:
 *                FORBIDDEN on collectedValues; the reviewer must extend the scope or
 *                refuse its requirement);
 *   avoided    = requested − needed = shared − (collected on the platform ? 0 : 1).
 *
 * It is a collect-once opportunity when shared ≥ 2, or shared ≥ 1 and the platform
 * already collects the element. A requirement is marked `collectOnce` when its department
 * is in scope and another in-scope department needs the element for the same period in an
 * overlapping region, or the platform already collects it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Region } from '../../geography';
import { communitiesWithinSql } from './consolidation.service';
import { CollectionFrequency, DataRequirementSource } from '../entity/data-requirement.entity';

/** The code prefix shared by the communities of a region aliased `g`. */
const PREFIX = (g: string) => `left(${g}.code, case ${g}.level when 'PROVINCE' then 2 when 'CITY' then 4 when 'COUNTY' then 6 else 9 end)`;
const IN_SCOPE = (r: string) =>
  `exists (select 1 from data_element_share s where s.data_element_id = ${r}.data_element_id and s.department_id = ${r}.department_id)`;

/** Re-marks `collectOnce` on the requirements of some data elements (all when omitted). Returns the rows changed. */
export async function refreshCollectOnce(em: EntityManager, dataElementIds?: number[]): Promise<number> {
  const only = dataElementIds ? (dataElementIds.length ? 'where r.data_element_id in (?)' : 'where false') : '';
  const res = await em.execute(
    `update data_requirement r
        set collect_once = v.flag,
            collect_once_at = case when v.flag then now() else null end,
            updated_at = now()
       from (
         select r.id, (r.active and ${IN_SCOPE('r')} and (e.collected_on_platform or exists (
                  select 1 from data_requirement r2 join region g2 on g2.id = r2.region_id
                   where r2.data_element_id = r.data_element_id and r2.period = r.period and r2.active
                     and r2.department_id <> r.department_id and ${IN_SCOPE('r2')}
                     and (${PREFIX('g')} like ${PREFIX('g2')} || '%' or ${PREFIX('g2')} like ${PREFIX('g')} || '%')))) as flag
           from data_requirement r
           join data_element e on e.id = r.data_element_id
           join region g on g.id = r.region_id
           ${only}
       ) v
      where v.id = r.id and r.collect_once is distinct from v.flag`,
    dataElementIds?.length ? [dataElementIds] : [],
    'run',
  );
  return (res as { affectedRows?: number }).affectedRows ?? 0;
}

export interface DataRequirementInput {
  departmentId: number;
  dataElementId: number;
  regionId: number;
  period: string;
  frequency: CollectionFrequency;
  source: DataRequirementSource;
  /** Reference of the source record (application number, ledger id, app id). */
  sourceRef: string;
  businessAppId?: number | null;
  active?: boolean;
}

/**
 * Records (or updates) a department's need for a data element and re-marks collect-once
 * for that element. Idempotent on (source, sourceRef, department, element, region,
 * period). Call it inside the caller's transaction. Returns the requirement's id.
 */
export async function recordDataRequirement(em: EntityManager, input: DataRequirementInput): Promise<number> {
  const rows: Array<{ id: number }> = await em.execute(
    `insert into data_requirement (department_id, data_element_id, region_id, period, frequency, source, source_ref, business_app_id, active)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (source, source_ref, department_id, data_element_id, region_id, period)
     do update set frequency = excluded.frequency, business_app_id = excluded.business_app_id, active = excluded.active, updated_at = now()
     returning id`,
    [
      input.departmentId,
      input.dataElementId,
      input.regionId,
      input.period,
      input.frequency,
      input.source,
      input.sourceRef,
      input.businessAppId ?? null,
      input.active ?? true,
    ],
  );
  await refreshCollectOnce(em, [input.dataElementId]);
  return rows[0].id;
}

export interface CollectOnceRow {
  dataElementId: number;
  period: string;
  collectedOnPlatform: boolean;
  /** Communities where the element is collected once for this period. */
  communities: number;
  collectionsRequested: number;
  collectionsNeeded: number;
  duplicateCollectionsAvoided: number;
  sharedDepartmentIds: number[];
  outsideScopeDepartmentIds: number[];
}

/** The collect-once opportunities within a region (optionally one period), by element and period. */
export async function collectOnceOpportunities(em: EntityManager, region: Region, period?: string | null): Promise<CollectOnceRow[]> {
  const within = communitiesWithinSql(region);
  const rows: Array<Record<string, unknown>> = await em.execute(
    `with c as (select c.id, c.code from community c where ${within.sql}),
     x as (
       select distinct r.data_element_id, r.period, c.id as community_id, r.department_id, ${IN_SCOPE('r')} as in_scope
         from data_requirement r
         join region g on g.id = r.region_id
         join c on c.code like ${PREFIX('g')} || '%'
        where r.active ${period ? 'and r.period = ?' : ''}
     ),
     pc as (
       select data_element_id, period, community_id,
              count(distinct department_id) as requested,
              count(distinct department_id) filter (where in_scope) as shared
         from x group by data_element_id, period, community_id
     ),
     q as (
       select pc.*, e.collected_on_platform as cop
         from pc join data_element e on e.id = pc.data_element_id
        where pc.shared >= 2 or (e.collected_on_platform and pc.shared >= 1)
     )
     select q.data_element_id, q.period, bool_or(q.cop) as cop, count(*) as communities,
            sum(q.requested) as requested,
            sum(q.requested - q.shared + case when q.cop then 0 else 1 end) as needed,
            (select array_agg(distinct x.department_id order by x.department_id) from x
              where x.data_element_id = q.data_element_id and x.period = q.period and x.in_scope) as shared_departments,
            (select array_agg(distinct x.department_id order by x.department_id) from x
              where x.data_element_id = q.data_element_id and x.period = q.period and not x.in_scope) as outside_departments
       from q
      group by q.data_element_id, q.period
      order by q.data_element_id, q.period`,
    [...within.params, ...(period ? [period] : [])],
  );
  return rows.map((r) => {
    const requested = Number(r.requested);
    const needed = Number(r.needed);
    return {
      dataElementId: Number(r.data_element_id),
      period: String(r.period),
      collectedOnPlatform: Boolean(r.cop),
      communities: Number(r.communities),
      collectionsRequested: requested,
      collectionsNeeded: needed,
      duplicateCollectionsAvoided: requested - needed,
      sharedDepartmentIds: ((r.shared_departments as number[] | null) ?? []).map(Number),
      outsideScopeDepartmentIds: ((r.outside_departments as number[] | null) ?? []).map(Number),
    };
  });
}

/** Duplicate collections avoided within a region (optionally one period): for the burden statistics. */
export async function countDuplicateCollectionsAvoided(em: EntityManager, region: Region, period?: string | null): Promise<number> {
  const rows = await collectOnceOpportunities(em, region, period);
  return rows.reduce((sum, r) => sum + r.duplicateCollectionsAvoided, 0);
}
