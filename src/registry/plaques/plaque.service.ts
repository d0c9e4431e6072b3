/** Plaques (挂牌): registration, the 应撤尽撤 review, removal orders and confirmed removals. */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../kernel/roles';
import { changeLocked, changeRecord, createRecord, lockRecord } from '../../kernel/mutation';
import { Community, Region, RegionLevel } from '../../geography';
import type { Context } from '../../kernel/context';
import { forbidden, notFound } from '../../kernel/errors';
import { chinaDate } from '../../kernel/dates';
import { actorScope, type ActorScope } from '../../kernel/context';
import { assertCountyRole } from '../../kernel/jurisdiction';
import { loadReferenced, Problems } from '../../kernel/input';
import { resolveDepartment } from '../../organisation';
import { Plaque } from './plaque.entity';
import { PlaqueAuthority, PlaqueStatus } from './plaque.enums';
import { PLAQUE_LIFECYCLE } from './plaque.lifecycle';
import { hasCentralOrProvincialBasis, plaqueRemovalProposal, type PlaqueProposal } from './plaque.rules';
import type { PlaqueInput, PlaqueStatusInput } from './plaque.inputs';

/** Registers a plaque found in (or put up in) a community. */
export async function createPlaque(ctx: Context, input: PlaqueInput): Promise<Plaque> {
  const scope = actorScope(ctx);
  return createRecord(ctx, {
    action: 'plaque.create',
    county: (plaque) => plaque.county.id,
    build: async (em) => {
      const community = await loadReferenced(em, Community, input.communityId, 'Community', 'communityId', ['该村（社区）', 'Community']);
      // Community workers record plaques on their own walls, naming the department.
      const asDepartment: ActorScope = scope.role === Role.COMMUNITY_USER ? { ...scope, role: Role.ADMIN } : scope;
      const { department, countyId } = await resolveDepartment(em, asDepartment, input.departmentId);
      const problems = new Problems();
      if (community.county.id !== countyId) problems.add('communityId', '村（社区）与部门不在同一县', 'The community is not in the department’s county');
      if (
        (input.authority === PlaqueAuthority.CENTRAL || input.authority === PlaqueAuthority.PROVINCIAL || input.authority === PlaqueAuthority.LOCAL) &&
        !input.authorizingDocument?.trim()
      ) {
        problems.add('authorizingDocument', '请填写设立依据文件', 'Give the authorizing document');
      }
      problems.throwIfAny('挂牌信息有误', 'Invalid plaque');
      const allowed =
        scope.role === Role.ADMIN ||
        (scope.role === Role.DEPARTMENT_USER && scope.departmentId === department.id) ||
        (scope.role === Role.REVIEWER && scope.countyId === countyId) ||
        (scope.role === Role.COMMUNITY_USER && scope.communityId === community.id);
      if (!allowed) throw forbidden('JURISDICTION', '只能办理本部门、本县或本村（社区）的挂牌', 'Only plaques of your own department, county or community');
      return em.create(Plaque, {
        county: countyId,
        community,
        department,
        name: input.name.trim(),
        authority: input.authority,
        authorizingDocument: input.authorizingDocument?.trim() || null,
        installedOn: input.installedOn ?? null,
      });
    },
  });
}

export interface LoadedPlaqueProposal extends PlaqueProposal {
  plaque: Plaque;
}

/** 应撤尽撤: kept plaques of a county with no central or provincial basis. */
export async function plaqueCleanupReview(em: EntityManager, countyId: number, departmentId?: number | null): Promise<LoadedPlaqueProposal[]> {
  const plaques = await em.find(
    Plaque,
    { county: countyId, status: PlaqueStatus.KEPT, ...(departmentId ? { department: departmentId } : {}) },
    { orderBy: { community: 'asc', id: 'asc' } },
  );
  return plaques.flatMap((p) => {
    const proposal = plaqueRemovalProposal({
      id: p.id,
      name: p.name,
      authority: p.authority,
      authorizingDocument: p.authorizingDocument ?? null,
      status: p.status,
    });
    return proposal ? [{ ...proposal, plaque: p }] : [];
  });
}

const WHAT = ['该挂牌', 'Plaque'] as const;

/** A removal order on a locked plaque, in the caller's transaction. */
const orderRemoval = (em: EntityManager, ctx: Context, p: Plaque, reason: string, on: string) =>
  changeLocked(em, ctx, p, {
    action: 'plaque.orderRemoval',
    lifecycle: { machine: PLAQUE_LIFECYCLE, action: 'orderRemoval' },
    apply: () => void Object.assign(p, { removalOrderedOn: on, statusReason: reason }),
    comment: reason,
    county: () => p.county.id,
  });

/** Orders one plaque removed (a reviewer may also remove one with a basis, e.g. against staffing rules). */
export async function orderPlaqueRemoval(ctx: Context, id: string, input: PlaqueStatusInput): Promise<Plaque> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const p = await lockRecord(em, Plaque, id, WHAT);
    assertCountyRole(scope, p.county.id, [Role.REVIEWER]);
    await orderRemoval(em, ctx, p, input.reason.trim(), input.on ?? chinaDate());
    await em.flush();
    return p;
  });
}

/** Orders every plaque the review proposes removed (of one department, or all), at once (one audit event each). */
export async function orderPlaqueRemovals(ctx: Context, countyId: number, departmentId?: number | null): Promise<Plaque[]> {
  const scope = actorScope(ctx);
  assertCountyRole(scope, countyId, [Role.REVIEWER]);
  const county = await ctx.em.findOne(Region, { id: countyId, level: RegionLevel.COUNTY });
  if (!county) throw notFound('该县', 'County');
  return ctx.em.transactional(async (em) => {
    const proposals = await plaqueCleanupReview(em, countyId, departmentId);
    if (!proposals.length) return [];
    await em.find(Plaque, { id: { $in: proposals.map((p) => p.plaqueId) } }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const today = chinaDate();
    for (const p of proposals) if (p.plaque.status === PlaqueStatus.KEPT) await orderRemoval(em, ctx, p.plaque, p.message, today);
    await em.flush();
    return proposals.map((p) => p.plaque);
  });
}

/** The community (or the department, or a reviewer) confirms a plaque taken down. */
export async function confirmPlaqueRemoved(ctx: Context, id: string, input: PlaqueStatusInput): Promise<Plaque> {
  const scope = actorScope(ctx);
  return changeRecord(ctx, Plaque, id, {
    what: WHAT,
    action: 'plaque.remove',
    access: (p) => {
      const allowed =
        scope.role === Role.ADMIN ||
        (scope.role === Role.COMMUNITY_USER && scope.communityId === p.community.id) ||
        (scope.role === Role.DEPARTMENT_USER && scope.departmentId === p.department.id) ||
        (scope.role === Role.REVIEWER && scope.countyId === p.county.id);
      if (!allowed) throw forbidden('JURISDICTION', '只能办理本部门、本县或本村（社区）的挂牌', 'Only plaques of your own department, county or community');
    },
    lifecycle: { machine: PLAQUE_LIFECYCLE, action: 'remove' },
    apply: (p) => void Object.assign(p, { removedOn: input.on ?? chinaDate(), statusReason: input.reason.trim() }),
    comment: input.reason,
    county: (p) => p.county.id,
  });
}

/** Keeps a plaque ordered removed — only with a central or provincial basis. */
export async function keepPlaque(ctx: Context, id: string, input: PlaqueStatusInput): Promise<Plaque> {
  const scope = actorScope(ctx);
  return changeRecord(ctx, Plaque, id, {
    what: WHAT,
    action: 'plaque.keep',
    access: (p) => assertCountyRole(scope, p.county.id, [Role.REVIEWER]),
    lifecycle: { machine: PLAQUE_LIFECYCLE, action: 'keep' },
    check: (p) => {
      if (!hasCentralOrProvincialBasis({ authority: p.authority, authorizingDocument: p.authorizingDocument ?? null })) {
        new Problems()
          .add('id', '没有党中央、国务院或省委、省政府的明确规定，不能保留', 'No central or provincial basis: it cannot stay')
          .throwIfAny('不能保留', 'Cannot keep it');
      }
    },
    apply: (p) => void Object.assign(p, { removalOrderedOn: null, statusReason: input.reason.trim() }),
    comment: input.reason,
    county: (p) => p.county.id,
  });
}
