import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Role } from '../../kernel/roles';
import { Department } from '../../organisation';
import type { Context } from '../../kernel/context';
import { PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { forbidden, notFound } from '../../kernel/errors';
import { actorScope } from '../../kernel/context';
import { COUNTY_STAFF } from '../../kernel/roles';
import { LedgerRequirement } from '../ledgers/ledger.entity';
import { Plaque } from '../plaques/plaque.entity';
import { Refusal } from '../refusals/refusal.entity';
import { ServiceContract } from '../contracts/service-contract.entity';
import { Interview, PublicCriticism, SupervisionFinding } from '../supervision/supervision.entity';
import { LedgerStatus } from '../ledgers/ledger.enums';
import { PlaqueStatus } from '../plaques/plaque.enums';
import { RefusalStatus } from '../refusals/refusal.enums';
import { SupervisionFindingStatus } from '../supervision/supervision.enums';
import { RefusalConnection } from '../refusals/refusal.resolver';
import { SupervisionFindingConnection, InterviewConnection, PublicCriticismConnection } from '../supervision/supervision.resolver';
import { LedgerRequirementConnection } from '../ledgers/ledger.resolver';
import { PlaqueConnection } from '../plaques/plaque.resolver';
import { ServiceContractConnection } from '../contracts/contract.resolver';
import { ledgerSummary } from '../ledgers/ledger.service';

@ObjectType({ description: '部门档案汇总。Counts of a department’s record.' })
export class DepartmentRecordSummary {
  @Field(() => Int, { description: '涉及本部门的拒绝执行与举报。Refusals and reports about it.' })
  refusals!: number;

  @Field(() => Int, { description: '其中经核实属实（含已约谈）。Of which verified (or interviewed).' })
  verifiedRefusals!: number;

  @Field(() => Int, { description: '督查发现。Supervision findings.' })
  findings!: number;

  @Field(() => Int, { description: '未销号的督查发现。Findings not closed.' })
  openFindings!: number;

  @Field(() => Int, { description: '屡犯发现（一年内同类再犯）。Repeat findings.' })
  repeatFindings!: number;

  @Field(() => Int, { description: '约谈次数（不含取消）。Interviews (not cancelled).' })
  interviews!: number;

  @Field(() => Int, { description: '通报批评次数。Public criticisms.' })
  criticisms!: number;

  @Field(() => Int, { description: '保留的台账报表。Ledgers kept.' })
  ledgersKept!: number;

  @Field(() => Int, { description: '已合并的台账报表。Ledgers merged.' })
  ledgersMerged!: number;

  @Field(() => Int, { description: '已取消的台账报表。Ledgers abolished.' })
  ledgersAbolished!: number;

  @Field(() => Float, { description: '现在每个村（社区）每年为本部门填报台账的用时（小时）。Ledger hours a year per community now.' })
  ledgerHoursPerCommunity!: number;

  @Field(() => Int, { description: '保留的挂牌。Plaques kept.' })
  plaquesKept!: number;

  @Field(() => Int, { description: '待摘除的挂牌。Plaques to remove.' })
  plaquesToRemove!: number;

  @Field(() => Int, { description: '已摘除的挂牌。Plaques removed.' })
  plaquesRemoved!: number;

  @Field(() => Int, { description: '购买服务合同。Service contracts.' })
  contracts!: number;

  @Field({ description: '是否屡犯：一年内两项以上督查发现或存在屡犯发现。Repeat offender in the last year.' })
  repeatOffender!: boolean;
}

/** A department's record (部门档案): everything supervision holds about it, with pages of each. */
@ObjectType({ description: '部门档案：拒绝执行与举报、督查发现、约谈、通报批评、台账报表、挂牌和购买服务合同。A department’s record.' })
export class DepartmentRecord {
  departmentId!: number;
  countyId!: number;

  @Field(() => Department, { description: '部门。Department.' })
  department!: Department;
}

@Resolver(() => DepartmentRecord)
export class DepartmentRecordResolver {
  @Authorized()
  @Query(() => DepartmentRecord, { description: '部门档案（部门看本部门，县级审核、督查等人员看本县部门）。A department’s record.' })
  async departmentRecord(
    @Ctx() ctx: Context,
    @Arg('departmentId', () => ID, { description: '部门。Department.' }) departmentId: string,
  ): Promise<DepartmentRecord> {
    const scope = actorScope(ctx);
    const department = await ctx.em.findOne(Department, { id: fromGlobalId(departmentId, 'Department', 'departmentId').id });
    if (!department) throw notFound('该部门', 'Department');
    const allowed =
      scope.role === Role.ADMIN ||
      (scope.role === Role.DEPARTMENT_USER && scope.departmentId === department.id) ||
      (COUNTY_STAFF.includes(scope.role) && scope.countyIds.includes(department.region.id));
    if (!allowed) throw forbidden('JURISDICTION', '只能查看本部门或本县部门的档案', "Only your own department's or county's records");
    return Object.assign(new DepartmentRecord(), { departmentId: department.id, countyId: department.region.id, department });
  }

  @FieldResolver(() => DepartmentRecordSummary, { description: '汇总。Counts.' })
  async summary(@Root() r: DepartmentRecord, @Ctx() ctx: Context): Promise<DepartmentRecordSummary> {
    const d = r.departmentId;
    const rows: Array<Record<string, string>> = await ctx.em.getConnection().execute(
      `select
        (select count(*) from refusal where department_id = ?) as refusals,
        (select count(*) from refusal where department_id = ? and status in ('${RefusalStatus.VERIFIED}', '${RefusalStatus.DEPARTMENT_INTERVIEWED}')) as verified_refusals,
        (select count(*) from supervision_finding where department_id = ?) as findings,
        (select count(*) from supervision_finding where department_id = ? and status <> '${SupervisionFindingStatus.CLOSED}') as open_findings,
        (select count(*) from supervision_finding where department_id = ? and repeat) as repeat_findings,
        (select count(*) from supervision_finding where department_id = ? and found_at >= now() - interval '365 days') as findings_year,
        (select count(*) from interview where department_id = ? and status <> 'CANCELLED') as interviews,
        (select count(*) from public_criticism where department_id = ?) as criticisms,
        (select count(*) from plaque where department_id = ? and status = '${PlaqueStatus.KEPT}') as plaques_kept,
        (select count(*) from plaque where department_id = ? and status = '${PlaqueStatus.TO_REMOVE}') as plaques_to_remove,
        (select count(*) from plaque where department_id = ? and status = '${PlaqueStatus.REMOVED}') as plaques_removed,
        (select count(*) from service_contract where department_id = ?) as contracts`,
      Array(12).fill(d),
      'all',
      ctx.em.getTransactionContext(),
    );
    const n = (k: string) => Number(rows[0][k]);
    const ledgers = await ledgerSummary(ctx.em, r.countyId, d);
    return {
      refusals: n('refusals'),
      verifiedRefusals: n('verified_refusals'),
      findings: n('findings'),
      openFindings: n('open_findings'),
      repeatFindings: n('repeat_findings'),
      interviews: n('interviews'),
      criticisms: n('criticisms'),
      ledgersKept: ledgers.kept,
      ledgersMerged: ledgers.merged,
      ledgersAbolished: ledgers.abolished,
      ledgerHoursPerCommunity: ledgers.hoursPerCommunityNow,
      plaquesKept: n('plaques_kept'),
      plaquesToRemove: n('plaques_to_remove'),
      plaquesRemoved: n('plaques_removed'),
      contracts: n('contracts'),
      repeatOffender: n('findings_year') >= 2 || n('repeat_findings') > 0,
    };
  }

  @FieldResolver(() => RefusalConnection, { description: '涉及本部门的拒绝执行与举报，新的在前。Refusals and reports about it.' })
  refusals(@Root() r: DepartmentRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Args() page: PageArgs) {
    return paginate(ctx.em, Refusal, { department: r.departmentId }, { id: 'desc' }, page, info);
  }

  @FieldResolver(() => SupervisionFindingConnection, { description: '督查发现，新的在前。Findings.' })
  findings(@Root() r: DepartmentRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Args() page: PageArgs) {
    return paginate(ctx.em, SupervisionFinding, { department: r.departmentId }, { id: 'desc' }, page, info);
  }

  @FieldResolver(() => InterviewConnection, { description: '约谈，新的在前。Interviews.' })
  interviews(@Root() r: DepartmentRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Args() page: PageArgs) {
    return paginate(ctx.em, Interview, { department: r.departmentId }, { id: 'desc' }, page, info);
  }

  @FieldResolver(() => PublicCriticismConnection, { description: '通报批评，新的在前。Public criticisms.' })
  criticisms(@Root() r: DepartmentRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Args() page: PageArgs) {
    return paginate(ctx.em, PublicCriticism, { department: r.departmentId }, { id: 'desc' }, page, info);
  }

  @FieldResolver(() => LedgerRequirementConnection, { description: '本部门要求的台账报表。Ledgers it requires.' })
  ledgers(
    @Root() r: DepartmentRecord,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('status', () => LedgerStatus, { nullable: true, description: '只看该状态。Only this status.' }) status?: LedgerStatus,
  ) {
    return paginate(ctx.em, LedgerRequirement, { department: r.departmentId, ...(status ? { status } : {}) }, { id: 'asc' }, page, info);
  }

  @FieldResolver(() => PlaqueConnection, { description: '本部门在村（社区）的挂牌。Its plaques in communities.' })
  plaques(
    @Root() r: DepartmentRecord,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('status', () => PlaqueStatus, { nullable: true, description: '只看该状态。Only this status.' }) status?: PlaqueStatus,
  ) {
    return paginate(ctx.em, Plaque, { department: r.departmentId, ...(status ? { status } : {}) }, { id: 'asc' }, page, info);
  }

  @FieldResolver(() => ServiceContractConnection, { description: '本部门的购买服务合同。Its service contracts.' })
  contracts(@Root() r: DepartmentRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Args() page: PageArgs) {
    return paginate(ctx.em, ServiceContract, { department: r.departmentId }, { id: 'desc' }, page, info);
  }
}
