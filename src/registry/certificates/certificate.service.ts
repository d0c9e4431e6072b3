/** Certificates (证明事项): the county's list, abolitions, and the requests communities refuse or issue. */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../kernel/roles';
import { User } from '../../auth';
import { audit, snapshot } from '../../kernel/mutation';
import { Community } from '../../geography';
import { Region, RegionLevel } from '../../geography';
import { Department } from '../../organisation';
import type { Context } from '../../kernel/context';
import { badInput, conflict, forbidden } from '../../kernel/errors';
import { chinaDate } from '../../kernel/dates';
import { actorScope } from '../../kernel/context';
import { assertCountyRole } from '../../kernel/jurisdiction';
import { decodeId, loadReferenced, loadTarget, Problems } from '../../kernel/input';
import { CertificateType } from '../../catalogue';
import { CertificateIssuance } from './certificate-issuance.entity';
import { CertificateRefusalReason, IssuanceOutcome } from './certificate.enums';
import { decideCertificateRequest } from './certificate.rules';
import type { AbolishCertificateInput, CertificateRequestInput, CertificateTypeInput } from './certificate.inputs';

/** Adds a certificate to the county's list (出具证明清单). */
export async function createCertificateType(ctx: Context, input: CertificateTypeInput): Promise<CertificateType> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    let countyId: number;
    if (input.countyId) {
      const county = await loadReferenced(em, Region, input.countyId, 'Region', 'countyId', ['该县', 'County']);
      if (county.level !== RegionLevel.COUNTY)
        throw badInput('只能是县', 'Only a county', [{ field: 'countyId', message: '不是县级区划', messageEn: 'not a county' }]);
      countyId = county.id;
    } else if (scope.countyId) {
      countyId = scope.countyId;
    } else {
      throw badInput('请指定县', 'Give the county', [{ field: 'countyId', message: '必填', messageEn: 'required' }]);
    }
    assertCountyRole(scope, countyId, [Role.REVIEWER]);
    const problems = new Problems();
    let departmentId: number | null = null;
    if (input.departmentId) {
      departmentId = decodeId(problems, input.departmentId, 'Department', 'departmentId');
      const d = departmentId > 0 ? await em.findOne(Department, { id: departmentId }, { fields: ['id', 'region'] }) : null;
      if (departmentId > 0 && d?.region.id !== countyId) problems.add('departmentId', '不是本县的部门', 'Not a department of this county');
    }
    problems.throwIfAny('证明事项内容有误', 'Invalid certificate');
    const name = input.name.trim();
    if (await em.count(CertificateType, { county: countyId, name })) throw conflict(`本县清单中已有“${name}”`, 'The county list already has this certificate');
    const c = em.create(CertificateType, {
      county: countyId,
      name,
      description: input.description?.trim() || null,
      department: departmentId,
      legalBasis: input.legalBasis.trim(),
      communityCanVerify: input.communityCanVerify,
    });
    await em.flush();
    await audit(em, ctx, { action: 'certificateType.create', entity: c, after: snapshot(c), countyId });
    await em.flush();
    return c;
  });
}

/** Abolishes a certificate (万能章 clean-up): from then on, requests for it are refused. */
export async function abolishCertificateType(ctx: Context, id: string, input: AbolishCertificateInput): Promise<CertificateType> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const c = await loadTarget(em, CertificateType, id, 'CertificateType', ['该证明事项', 'Certificate'], { lockMode: LockMode.PESSIMISTIC_WRITE });
    assertCountyRole(scope, c.county.id, [Role.REVIEWER]);
    if (c.abolishedOn) throw conflict(`该证明事项已于 ${c.abolishedOn} 取消`, 'The certificate is already abolished');
    const before = snapshot(c);
    c.abolishedOn = input.abolishedOn;
    c.abolishedBy = input.abolishedBy.trim();
    await audit(em, ctx, { action: 'certificateType.abolish', entity: c, before, after: snapshot(c), comment: input.abolishedBy, countyId: c.county.id });
    await em.flush();
    return c;
  });
}

/**
 * A community records a certificate request and what it did: the rules decide — an
 * abolished certificate, an enterprise asking for its own business, a certificate not on
 * the list or one the community cannot verify is refused with the reason; otherwise issued.
 */
export async function recordCertificateRequest(ctx: Context, input: CertificateRequestInput): Promise<CertificateIssuance> {
  const scope = actorScope(ctx);
  return ctx.em.transactional(async (em) => {
    const problems = new Problems();
    let communityId: number;
    if (scope.role === Role.COMMUNITY_USER) {
      if (input.communityId && decodeId(problems, input.communityId, 'Community', 'communityId') !== scope.communityId) {
        throw forbidden('JURISDICTION', '只能记录本村（社区）的证明', "Only your own community's certificates");
      }
      communityId = scope.communityId!;
    } else if (scope.role === Role.ADMIN && input.communityId) {
      communityId = decodeId(problems, input.communityId, 'Community', 'communityId');
    } else if (scope.role === Role.ADMIN) {
      throw badInput('请指定村（社区）', 'Give the community', [{ field: 'communityId', message: '必填', messageEn: 'required' }]);
    } else {
      throw forbidden('BINDING', '由村（社区）工作者记录', 'Community workers record certificate requests');
    }
    const community = communityId > 0 ? await em.findOne(Community, { id: communityId }) : null;
    if (!community) problems.add('communityId', '未找到该村（社区）', 'Community not found');
    if ((input.certificateTypeId == null) === (input.certificateName == null)) {
      problems.add('certificateTypeId', '请提供 certificateTypeId 或 certificateName 之一', 'Give exactly one of certificateTypeId and certificateName');
    }
    problems.throwIfAny('证明请求有误', 'Invalid certificate request');
    const countyId = community!.county.id;
    let type: CertificateType | null = null;
    if (input.certificateTypeId) {
      type = await loadReferenced(em, CertificateType, input.certificateTypeId, 'CertificateType', 'certificateTypeId', ['该证明事项', 'Certificate']);
      if (type.county.id !== countyId) new Problems().add('certificateTypeId', '不是本县清单中的证明事项', 'Not on this county’s list').throwIfAny();
    } else {
      type = await em.findOne(CertificateType, { county: countyId, name: input.certificateName!.trim() });
    }
    let requiringDepartment: number | null = null;
    if (input.requiringDepartmentId) {
      const d = await loadReferenced(em, Department, input.requiringDepartmentId, 'Department', 'requiringDepartmentId', ['该部门', 'Department']);
      requiringDepartment = d.id;
    }
    const decision = decideCertificateRequest(
      type
        ? {
            id: type.id,
            name: type.name,
            communityCanVerify: type.communityCanVerify,
            abolishedOn: type.abolishedOn ?? null,
            abolishedBy: type.abolishedBy ?? null,
          }
        : null,
      { requesterKind: input.requesterKind, forEnterpriseBusiness: input.forEnterpriseBusiness },
      chinaDate(),
    );
    const issuance = em.create(CertificateIssuance, {
      county: countyId,
      community: community!,
      certificateType: type,
      certificateName: type?.name ?? input.certificateName!.trim(),
      requesterKind: input.requesterKind,
      purpose: input.purpose.trim(),
      forEnterpriseBusiness: input.forEnterpriseBusiness,
      requiringDepartment,
      requiredBy: input.requiredBy?.trim() || null,
      outcome: decision.outcome,
      refusalReason: decision.reason,
      handledAt: new Date(),
      handledBy: em.getReference(User, scope.userId),
    });
    await em.flush();
    await audit(em, ctx, {
      action: decision.outcome === IssuanceOutcome.ISSUED ? 'certificate.issue' : 'certificate.refuse',
      entity: issuance,
      after: snapshot(issuance),
      comment: decision.message,
      countyId,
    });
    await em.flush();
    return issuance;
  });
}

export interface CertificateStatisticsData {
  requests: number;
  issued: number;
  refused: number;
  refusedAbolished: number;
  refusedEnterprise: number;
  refusedNotOnList: number;
  refusedCannotVerify: number;
  listed: number;
  abolishedTypes: number;
  abolishedStillRequested: number;
}

/** Certificates of a county in a time window: the list, issued, refused by reason (万能章 clean-up counted). */
export async function certificateStatistics(
  em: EntityManager,
  countyId: number,
  from?: Date | null,
  to?: Date | null,
  communityId?: number | null,
): Promise<CertificateStatisticsData> {
  const conds = ['i.county_id = ?'];
  const params: unknown[] = [countyId];
  if (communityId) {
    conds.push('i.community_id = ?');
    params.push(communityId);
  }
  if (from) {
    conds.push('i.handled_at >= ?');
    params.push(from);
  }
  if (to) {
    conds.push('i.handled_at < ?');
    params.push(to);
  }
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- MikroORM types the transaction context as any
  const tx = em.getTransactionContext();
  const [rows, types] = await Promise.all([
    em.getConnection().execute<Array<{ outcome: string; reason: string | null; n: string; types: string }>>(
      `select i.outcome, i.refusal_reason as reason, count(*) as n, count(distinct i.certificate_type_id) as types
         from certificate_issuance i where ${conds.join(' and ')} group by i.outcome, i.refusal_reason`,
      params,
      'all',
      tx,
    ),
    em
      .getConnection()
      .execute<Array<{ listed: string; abolished: string }>>(
        `select count(*) filter (where abolished_on is null) as listed, count(*) filter (where abolished_on is not null) as abolished from certificate_type where county_id = ?`,
        [countyId],
        'all',
        tx,
      ),
  ]);
  const count = (outcome: string, reason?: string) =>
    rows.filter((r) => r.outcome === outcome && (reason === undefined || r.reason === reason)).reduce((n, r) => n + Number(r.n), 0);
  return {
    requests: rows.reduce((n, r) => n + Number(r.n), 0),
    issued: count(IssuanceOutcome.ISSUED),
    refused: count(IssuanceOutcome.REFUSED),
    refusedAbolished: count(IssuanceOutcome.REFUSED, CertificateRefusalReason.ABOLISHED),
    refusedEnterprise: count(IssuanceOutcome.REFUSED, CertificateRefusalReason.ENTERPRISE_OWN_BUSINESS),
    refusedNotOnList: count(IssuanceOutcome.REFUSED, CertificateRefusalReason.NOT_ON_LIST),
    refusedCannotVerify: count(IssuanceOutcome.REFUSED, CertificateRefusalReason.CANNOT_VERIFY),
    listed: Number(types[0]?.listed ?? 0),
    abolishedTypes: Number(types[0]?.abolished ?? 0),
    abolishedStillRequested: Number(rows.find((r) => r.outcome === IssuanceOutcome.REFUSED && r.reason === CertificateRefusalReason.ABOLISHED)?.types ?? 0),
  };
}
