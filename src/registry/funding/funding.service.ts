/**
 * Funding follows the task (费随事转): allocations per admitted item and community, the
 * community's confirmation of receipt, and the two questions supervision asks — which
 * admitted assistance items bring no funding, which communities are not yet paid.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../kernel/roles';
import { User } from '../../auth';
import { audit, snapshot } from '../../kernel/mutation';
import { AdmissionApplication } from '../../admission';
import { ADMITTED_STATUSES } from '../../admission';
import { ApplicationKind, ApplicationStatus } from '../../admission';
import type { Context } from '../../kernel/context';
import { conflict, forbidden } from '../../kernel/errors';
import { COUNTY_STAFF } from '../../kernel/roles';
import { actorScope, type ActorScope } from '../../kernel/context';
import { assertDepartmentOrCounty, assertOwnCommunity } from '../../kernel/jurisdiction';
import { decodeId, loadReferenced, loadTarget, money, Problems } from '../../kernel/input';
import { FundingAllocation } from './funding-allocation.entity';
import { PaymentState, UnfundedReason } from './funding.enums';
import type { FundingAllocationInput } from './funding.inputs';

/** Application kinds that ask communities to assist a department (purchases are paid by contract). */
export const ASSISTANCE_KINDS = [ApplicationKind.NEW_REGULAR, ApplicationKind.TEMPORARY, ApplicationKind.LISTED_ASSISTANCE];
/** Where funding may be sent: admitted items, and completed ones (paying after the work is fine). */
const FUNDABLE = [...ADMITTED_STATUSES, ApplicationStatus.COMPLETED];

/** A department sends funding to communities of an admitted item (one allocation each). */
export async function recordFundingAllocations(ctx: Context, input: FundingAllocationInput): Promise<FundingAllocation[]> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const app = await loadReferenced(em, AdmissionApplication, input.applicationId, 'AdmissionApplication', 'applicationId', ['该准入事项', 'Application']);
    assertDepartmentOrCounty(scope, app.department.id, app.county.id, []);
    const problems = new Problems();
    if (!FUNDABLE.includes(app.status)) problems.add('applicationId', '只能向已准入的事项拨付经费', 'Only admitted items receive funding');
    const inScope = new Set(app.communityIds);
    const ids = input.communityIds.map((g, i) => {
      const id = decodeId(problems, g, 'Community', `communityIds.${i}`);
      if (id > 0 && !inScope.has(id)) problems.add(`communityIds.${i}`, '该村（社区）不在事项批准范围内', 'The community is outside the item’s scope');
      return id;
    });
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) problems.add(`communityIds.${i}`, '村（社区）重复', 'Duplicate community');
    });
    problems.throwIfAny('拨付内容有误', 'Invalid allocation');
    const allocations = ids.map((community) =>
      em.create(FundingAllocation, {
        application: app,
        community,
        county: app.county.id,
        amount: money(input.amountPerCommunity),
        allocatedOn: input.allocatedOn,
        reference: input.reference?.trim() || null,
        note: input.note?.trim() || null,
        recordedBy: em.getReference(User, scope.userId),
      }),
    );
    await em.flush();
    for (const a of allocations) await audit(em, ctx, { action: 'funding.allocate', entity: a, after: snapshot(a), countyId: app.county.id });
    await em.flush();
    return allocations;
  });
}

/** The community confirms the money arrived. */
export async function confirmFundingReceived(ctx: Context, id: string): Promise<FundingAllocation> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const a = await loadTarget(em, FundingAllocation, id, 'FundingAllocation', ['该经费拨付', 'Funding allocation'], { lockMode: LockMode.PESSIMISTIC_WRITE });
    assertOwnCommunity(scope, a.community.id);
    if (a.receivedConfirmedAt) throw conflict('已确认到账', 'Receipt already confirmed');
    const before = snapshot(a);
    a.receivedConfirmedAt = new Date();
    a.receivedConfirmedBy = em.getReference(User, scope.userId) as never;
    await audit(em, ctx, { action: 'funding.confirm', entity: a, before, after: snapshot(a), countyId: a.county.id });
    await em.flush();
    return a;
  });
}

/** SQL conditions limiting funding questions to what the actor may see (`a` application, `c` community). */
function scopeSql(scope: ActorScope): { sql: string; params: unknown[] } {
  switch (scope.role) {
    case Role.ADMIN:
      return { sql: 'true', params: [] };
    case Role.COMMUNITY_USER:
      return { sql: 'c.id = ?', params: [scope.communityId ?? 0] };
    case Role.TOWNSHIP_USER:
      return { sql: 'c.township_id = ?', params: [scope.townshipId ?? 0] };
    case Role.DEPARTMENT_USER:
      return { sql: 'a.department_id = ?', params: [scope.departmentId ?? 0] };
    default:
      // Integers from the request's scope, written in: a city analyst's list can be long.
      return COUNTY_STAFF.includes(scope.role) && scope.countyIds.length
        ? {
            sql: `a.county_id in (${scope.countyIds
              .map((id) => Number(id))
              .filter(Number.isSafeInteger)
              .join(',')})`,
            params: [],
          }
        : { sql: 'false', params: [] };
  }
}

export interface UnfundedRow {
  applicationId: number;
  reason: UnfundedReason;
  fundingAmount: number;
  allocatedAmount: number;
}

/** Admitted assistance items of a county with no funding: none declared, or none sent to any community. */
export async function unfundedAssistanceItems(
  em: EntityManager,
  scope: ActorScope,
  filter: { countyId?: number | null; departmentId?: number | null },
): Promise<UnfundedRow[]> {
  if (scope.role === Role.COMMUNITY_USER || scope.role === Role.TOWNSHIP_USER)
    throw forbidden('BINDING', '由县级部门和督查人员查询', 'For county staff and departments');
  const s = scopeSql(scope);
  const conds = [s.sql, 'a.status in (?, ?, ?)', 'a.kind in (?, ?, ?)'];
  const params: unknown[] = [...s.params, ...ADMITTED_STATUSES, ...ASSISTANCE_KINDS];
  if (filter.countyId) {
    conds.push('a.county_id = ?');
    params.push(filter.countyId);
  }
  if (filter.departmentId) {
    conds.push('a.department_id = ?');
    params.push(filter.departmentId);
  }
  const rows: Array<{ id: number; funding: string; allocated: string; n: string }> = await em.getConnection().execute(
    `select a.id, a.funding_amount as funding, coalesce(sum(f.amount), 0) as allocated, count(f.id) as n
       from admission_application a left join funding_allocation f on f.application_id = a.id
      where ${conds.join(' and ')}
      group by a.id having a.funding_amount = 0 or count(f.id) = 0
      order by a.id`,
    params,
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => ({
    applicationId: r.id,
    reason: Number(r.funding) === 0 ? UnfundedReason.NO_FUNDING_DECLARED : UnfundedReason.NOT_ALLOCATED,
    fundingAmount: Number(r.funding),
    allocatedAmount: Number(r.allocated),
  }));
}

export interface UnpaidRow {
  applicationId: number;
  communityId: number;
  state: PaymentState;
  allocatedAmount: number;
}

export interface UnpaidFilter {
  countyId?: number | null;
  applicationId?: number | null;
  departmentId?: number | null;
  townshipId?: number | null;
  communityId?: number | null;
}

/**
 * Communities in the scope of admitted assistance items with funding that have not been
 * paid: nothing allocated yet, or allocated but receipt not confirmed. Ordered by item,
 * then community code. Returns a page fetcher and a counter (for `paginateRows`).
 */
export function unpaidCommunities(em: EntityManager, scope: ActorScope, filter: UnpaidFilter) {
  const s = scopeSql(scope);
  const conds = [s.sql, 'a.status in (?, ?, ?)', 'a.kind in (?, ?, ?)', 'a.funding_amount > 0'];
  const params: unknown[] = [...s.params, ...ADMITTED_STATUSES, ...ASSISTANCE_KINDS];
  const add = (sql: string, v: number | null | undefined) => {
    if (v) {
      conds.push(sql);
      params.push(v);
    }
  };
  add('a.county_id = ?', filter.countyId);
  add('a.id = ?', filter.applicationId);
  add('a.department_id = ?', filter.departmentId);
  add('c.township_id = ?', filter.townshipId);
  add('c.id = ?', filter.communityId);
  const base = `from admission_application a
      cross join lateral jsonb_array_elements_text(a.community_ids) as scope(cid)
      join community c on c.id = scope.cid::int
      left join funding_allocation f on f.application_id = a.id and f.community_id = c.id
     where ${conds.join(' and ')}
     group by a.id, c.id, c.code
    having count(f.id) = 0 or bool_or(f.received_confirmed_at is null)`;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- MikroORM types the transaction context as any
  const tx = em.getTransactionContext();
  return {
    fetch: async (limit: number, offset: number): Promise<UnpaidRow[]> => {
      const rows: Array<{ app: number; community: number; n: string; allocated: string }> = await em
        .getConnection()
        .execute(
          `select a.id as app, c.id as community, count(f.id) as n, coalesce(sum(f.amount), 0) as allocated ${base} order by a.id, c.code limit ? offset ?`,
          [...params, limit, offset],
          'all',
          tx,
        );
      return rows.map((r) => ({
        applicationId: r.app,
        communityId: r.community,
        state: Number(r.n) === 0 ? PaymentState.NOT_ALLOCATED : PaymentState.AWAITING_CONFIRMATION,
        allocatedAmount: Number(r.allocated),
      }));
    },
    count: async (): Promise<number> => {
      const rows: Array<{ n: string }> = await em.getConnection().execute(`select count(*) as n from (select 1 ${base}) t`, params, 'all', tx);
      return Number(rows[0].n);
    },
  };
}
