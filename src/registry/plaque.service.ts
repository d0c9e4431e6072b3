/** Plaques (挂牌): registration, the 应撤尽撤 review, removal orders and confirmed removals. */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../auth/role';
import { recordAudit, snapshot } from '../audit/audit.service';
import { Community } from '../geography/community.entity';
import type { Context } from '../kernel/context';
import { conflict, forbidden, notFound } from '../kernel/errors';
import { Region, RegionLevel } from '../geography/region.entity';
import { chinaDate } from '../kernel/dates';
import { actorScope, assertCountyRole, type Scope } from './access';
import { loadReferenced, loadTarget, Problems, resolveDepartment } from './common';
import { Plaque } from './plaque.entity';
import { PlaqueAuthority, PlaqueStatus } from './enums';
import { hasCentralOrProvincialBasis, plaqueRemovalProposal, type PlaqueProposal } from './rules/plaques';
import type { PlaqueInput, PlaqueStatusInput } from './registry.inputs';

/** Registers a plaque found in (or put up in) a community. */
export async function createPlaque(ctx: Context, input: PlaqueInput): Promise<Plaque> {
  const scope = await actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const community = await loadReferenced(em, Community, input.communityId, 'Community', 'communityId', ['该村（社区）', 'Community']);
    // Community workers record plaques on their own walls, naming the department.
    const asDepartment: Scope = scope.role === Role.COMMUNITY_USER ? { ...scope, role: Role.ADMIN } : scope;
    const { department, countyId } = await resolveDepartment(em, asDepartment, input.departmentId);
    const problems = new Problems();
    if (community.county.id !== countyId) problems.add('communityId', '村（社区）与部门不在同一县', 'The community is not in the department’s county');
    if ((input.authority === PlaqueAuthority.CENTRAL || input.authority === PlaqueAuthority.PROVINCIAL || input.authority === PlaqueAuthority.LOCAL) && !input.authorizingDocument?.trim()) {
      problems.add('authorizingDocument', '请填写设立依据文件', 'Give the authorizing document');
    }
    problems.throwIfAny('挂牌信息有误', 'Invalid plaque');
    const allowed =
      scope.role === Role.ADMIN ||
      (scope.role === Role.DEPARTMENT_USER && scope.departmentId === department.id) ||
      (scope.role === Role.REVIEWER && scope.countyId === countyId) ||
      (scope.role === Role.COMMUNITY_USER && scope.communityId === community.id);
    if (!allowed) throw forbidden('JURISDICTION', '只能办理本部门、本县或本村（社区）的挂牌', 'Only plaques of your own department, county or community');
    const plaque = em.create(Plaque, {
      county: countyId,
      community,
      department,
      name: input.name.trim(),
      authority: input.authority,
      authorizingDocument: input.authorizingDocument?.trim() || null,
      installedOn: input.installedOn ?? null,
    });
    await em.flush();
    recordAudit(em, ctx, { action: 'plaque.create', entity: plaque, after: snapshot(plaque), countyId });
    await em.flush();
    return plaque;
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
    const proposal = plaqueRemovalProposal({ id: p.id, name: p.name, authority: p.authority, authorizingDocument: p.authorizingDocument ?? null, status: p.status });
    return proposal ? [{ ...proposal, plaque: p }] : [];
  });
}

function order(em: EntityManager, ctx: Context, p: Plaque, reason: string, on: string): void {
  const before = snapshot(p);
  Object.assign(p, { status: PlaqueStatus.TO_REMOVE, removalOrderedOn: on, statusReason: reason });
  recordAudit(em, ctx, { action: 'plaque.orderRemoval', entity: p, before, after: snapshot(p), comment: reason, countyId: p.county.id });
}

/** Orders one plaque removed (a reviewer may also remove one with a basis, e.g. against staffing rules). */
export async function orderPlaqueRemoval(ctx: Context, id: string, input: PlaqueStatusInput): Promise<Plaque> {
  const scope = await actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const p = await loadTarget(em, Plaque, id, 'Plaque', ['该挂牌', 'Plaque'], { lockMode: LockMode.PESSIMISTIC_WRITE });
    assertCountyRole(scope, p.county.id, [Role.REVIEWER]);
    if (p.status !== PlaqueStatus.KEPT) throw conflict('只有保留中的挂牌可以列为待摘除', 'Only kept plaques can be ordered removed');
    order(em, ctx, p, input.reason.trim(), input.on ?? chinaDate());
    await em.flush();
    return p;
  });
}

/** Orders every plaque the review proposes removed (of one department, or all), at once (one audit event each). */
export async function orderPlaqueRemovals(ctx: Context, countyId: number, departmentId?: number | null): Promise<Plaque[]> {
  const scope = await actorScope(ctx);
  assertCountyRole(scope, countyId, [Role.REVIEWER]);
  const county = await ctx.em.findOne(Region, { id: countyId, level: RegionLevel.COUNTY });
  if (!county) throw notFound('该县', 'County');
  return ctx.em.transactional(async (em) => {
    const proposals = await plaqueCleanupReview(em, countyId, departmentId);
    if (!proposals.length) return [];
    await em.find(Plaque, { id: { $in: proposals.map((p) => p.plaqueId) } }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const today = chinaDate();
    for (const p of proposals) if (p.plaque.status === PlaqueStatus.KEPT) order(em, ctx, p.plaque, p.message, today);
    await em.flush();
    return proposals.map((p) => p.plaque);
  });
}

/** The community (or the department, or a reviewer) confirms a plaque taken down. */
export async function confirmPlaqueRemoved(ctx: Context, id: string, input: PlaqueStatusInput): Promise<Plaque> {
  const scope = await actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const p = await loadTarget(em, Plaque, id, 'Plaque', ['该挂牌', 'Plaque'], { lockMode: LockMode.PESSIMISTIC_WRITE });
    const allowed =
      scope.role === Role.ADMIN ||
      (scope.role === Role.COMMUNITY_USER && scope.communityId === p.community.id) ||
      (scope.role === Role.DEPARTMENT_USER && scope.departmentId === p.department.id) ||
      (scope.role === Role.REVIEWER && scope.countyId === p.county.id);
    if (!allowed) throw forbidden('JURISDICTION', '只能办理本部门、本县或本村（社区）的挂牌', 'Only plaques of your own department, county or community');
    if (p.status !== PlaqueStatus.TO_REMOVE) throw conflict('只有待摘除的挂牌可以确认摘除', 'Only plaques ordered removed can be confirmed removed');
    const before = snapshot(p);
    Object.assign(p, { status: PlaqueStatus.REMOVED, removedOn: input.on ?? chinaDate(), statusReason: input.reason.trim() });
    recordAudit(em, ctx, { action: 'plaque.remove', entity: p, before, after: snapshot(p), comment: input.reason, countyId: p.county.id });
    await em.flush();
    return p;
  });
}

/** Keeps a plaque ordered removed — only with a central or provincial basis. */
export async function keepPlaque(ctx: Context, id: string, input: PlaqueStatusInput): Promise<Plaque> {
  const scope = await actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const p = await loadTarget(em, Plaque, id, 'Plaque', ['该挂牌', 'Plaque'], { lockMode: LockMode.PESSIMISTIC_WRITE });
    assertCountyRole(scope, p.county.id, [Role.REVIEWER]);
    if (p.status !== PlaqueStatus.TO_REMOVE) throw conflict('只有待摘除的挂牌可以改为保留', 'Only plaques ordered removed can be kept');
    if (!hasCentralOrProvincialBasis({ authority: p.authority, authorizingDocument: p.authorizingDocument ?? null })) {
      new Problems().add('id', '没有党中央、国务院或省委、省政府的明确规定，不能保留', 'No central or provincial basis: it cannot stay').throwIfAny('不能保留', 'Cannot keep it');
    }
    const before = snapshot(p);
    Object.assign(p, { status: PlaqueStatus.KEPT, removalOrderedOn: null, statusReason: input.reason.trim() });
    recordAudit(em, ctx, { action: 'plaque.keep', entity: p, before, after: snapshot(p), comment: input.reason, countyId: p.county.id });
    await em.flush();
    return p;
  });
}
