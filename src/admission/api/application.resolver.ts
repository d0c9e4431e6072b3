import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { AdmissionApplication } from '../entity/application.entity';
import { ApprovalDocument } from '../entity/approval-document.entity';
import { CommitteeDecision, Review } from '../entity/review.entity';
import { ApplicationInput, CommitteeDecisionInput, ReviewInput } from './application.inputs';
import { ApplicationKind, ApplicationStatus, FindingSeverity } from '../enums';
import { availableActions } from '../service/workflow';
import * as service from '../service/application.service';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { AuditEvent } from '../../audit';
import { WorkCategory } from '../../catalogue';
import { requireActor, type Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { containsPattern } from '../../kernel/text';
import { getRegion } from '../../geography';
import { LocalDateScalar } from '../../kernel/scalars';

export const AdmissionApplicationConnection = ConnectionType(AdmissionApplication, { zh: '准入申请', en: 'applications' });

@InputType({ description: '准入申请筛选条件。Application filter.' })
export class ApplicationFilter {
  @Field(() => [ApplicationStatus], { nullable: true, description: '状态（任一）。Any of these statuses.' })
  status?: ApplicationStatus[] | null;

  @Field(() => ID, { nullable: true, description: '申请部门。Department.' })
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '所属县的全局 ID。County.' })
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: '所属县的区划代码。County code.' })
  @IsOptional()
  @MaxLength(12)
  countyCode?: string | null;

  @Field(() => ApplicationKind, { nullable: true, description: '申请类别。Kind.' })
  kind?: ApplicationKind | null;

  @Field(() => WorkCategory, { nullable: true, description: '工作类别。Category.' })
  category?: WorkCategory | null;

  @Field(() => Boolean, { nullable: true, description: '是否紧急事项。Emergency or not.' })
  emergency?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否存在阻断性发现。With blocking findings or not.' })
  hasBlockingFindings?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '实施期与该日期之后有交集（YYYY-MM-DD）。Period ends on or after this date.' })
  @IsOptional()
  @MaxLength(10)
  periodFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '实施期与该日期之前有交集（YYYY-MM-DD）。Period starts on or before this date.' })
  @IsOptional()
  @MaxLength(10)
  periodTo?: string | null;

  @Field(() => String, { nullable: true, description: '按编号或名称搜索。Search by number or title.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@InputType({ description: '带原因的操作。An action with a reason.' })
export class ReasonInput {
  @Field({ description: '原因或说明。Reason.' })
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;

  @Field(() => Int, { nullable: true, description: '期望的申请版本号。Expected version.' })
  @IsOptional()
  expectedVersion?: number | null;
}

@Resolver(() => AdmissionApplication)
export class ApplicationResolver {
  @Authorized()
  @Query(() => AdmissionApplication, { nullable: true, description: '一个准入申请。One application.' })
  application(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '全局 ID。Global ID.' }) id: string): Promise<AdmissionApplication | null> {
    return ctx.em.findOne(AdmissionApplication, { id: fromGlobalId(id, 'AdmissionApplication').id });
  }

  @Authorized()
  @Query(() => AdmissionApplicationConnection, { description: '准入申请列表，新的在前。Applications, newest first.' })
  async applications(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => ApplicationFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: ApplicationFilter,
  ) {
    const where: FilterQuery<AdmissionApplication>[] = [];
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.departmentId) where.push({ department: fromGlobalId(filter.departmentId, 'Department', 'filter.departmentId').id });
    if (filter?.countyId || filter?.countyCode)
      where.push({ county: (await getRegion(ctx.em, { id: filter.countyId, code: filter.countyCode }, 'filter.county')).id });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.category) where.push({ category: filter.category });
    if (filter?.emergency != null) where.push({ emergency: filter.emergency });
    if (filter?.hasBlockingFindings != null) where.push({ hasBlockingFindings: filter.hasBlockingFindings });
    if (filter?.periodFrom) where.push({ $or: [{ periodEnd: null }, { periodEnd: { $gte: filter.periodFrom } }] });
    if (filter?.periodTo) where.push({ periodStart: { $lte: filter.periodTo } });
    if (filter?.search?.trim())
      where.push({ $or: [{ number: { $ilike: containsPattern(filter.search) } }, { title: { $ilike: containsPattern(filter.search) } }] });
    return paginate(ctx.em, AdmissionApplication, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '新建准入申请（草稿），同时测算负担并运行规则审查。Create a draft application.' })
  createApplication(@Ctx() ctx: Context, @Arg('input', () => ApplicationInput, { description: '申请内容。Content.' }) input: ApplicationInput) {
    return service.createApplication(ctx, input);
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '修改草稿或退回修改的申请。Update a draft or returned application.' })
  updateApplication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '申请。Application.' }) id: string,
    @Arg('input', () => ApplicationInput, { description: '申请内容。Content.' }) input: ApplicationInput,
  ) {
    return service.updateApplication(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '按需运行规则审查（结果保存在 findings）。Run the rules now.' })
  checkApplication(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '申请。Application.' }) id: string) {
    return service.checkApplication(ctx, id);
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '提交申请；存在阻断性发现时不能提交。Submit.' })
  submitApplication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '申请。Application.' }) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: '期望的版本号。Expected version.' }) expectedVersion?: number,
  ) {
    return service.transition(ctx.em, requireActor(ctx), id, 'submit', {
      expectedVersion,
      requestId: ctx.requestId,
      ruleSettings: service.ruleSettingsOf(ctx.config),
    });
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '紧急事项先进后批：立即生效（临时批准文书），须在规定工作日内补批。Emergency entry.' })
  declareEmergencyEntry(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '申请。Application.' }) id: string) {
    return service.transition(ctx.em, requireActor(ctx), id, 'declareEmergency', {
      requestId: ctx.requestId,
      emergencyWorkingDays: ctx.config.emergencyApprovalWorkingDays,
      ruleSettings: service.ruleSettingsOf(ctx.config),
      config: ctx.config,
    });
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '部门撤回申请（批准前）。Withdraw before approval.' })
  withdrawApplication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '申请。Application.' }) id: string,
    @Arg('input', () => ReasonInput, { description: '原因。Reason.' }) input: ReasonInput,
  ) {
    return service.transition(ctx.em, requireActor(ctx), id, 'withdraw', {
      reason: input.reason,
      expectedVersion: input.expectedVersion,
      requestId: ctx.requestId,
    });
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '审核人员受理，开始审核。Start the review.' })
  startReview(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '申请。Application.' }) id: string) {
    return service.transition(ctx.em, requireActor(ctx), id, 'startReview', { requestId: ctx.requestId });
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, {
    description: '审核：合法性、可行性、合理性与建议。同意时：新增常规类事项提请县委常委会，其余直接批准并签发批准文书；紧急事项为补批。Review and decide.',
  })
  reviewApplication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '申请。Application.' }) id: string,
    @Arg('input', () => ReviewInput, { description: '审核意见。Review.' }) input: ReviewInput,
  ) {
    return service.reviewApplication(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '记录县委常委会会议决定。Record the committee decision.' })
  recordCommitteeDecision(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '申请。Application.' }) id: string,
    @Arg('input', () => CommitteeDecisionInput, { description: '会议决定。Decision.' }) input: CommitteeDecisionInput,
  ) {
    return service.recordCommitteeDecision(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '持批准文书进入村（社区），事项开始实施。Enter communities holding the document.' })
  enterCommunities(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '申请。Application.' }) id: string) {
    return service.transition(ctx.em, requireActor(ctx), id, 'enter', { requestId: ctx.requestId });
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '工作完成。Mark the work completed.' })
  completeApplication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '申请。Application.' }) id: string,
    @Arg('input', () => ReasonInput, { description: '说明。Note.' }) input: ReasonInput,
  ) {
    return service.transition(ctx.em, requireActor(ctx), id, 'complete', {
      comment: input.reason,
      expectedVersion: input.expectedVersion,
      requestId: ctx.requestId,
    });
  }

  @Authorized()
  @Mutation(() => AdmissionApplication, { description: '撤销事项，退出村（社区）；批准文书同时作废。Revoke: the item leaves communities.' })
  revokeApplication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '申请。Application.' }) id: string,
    @Arg('input', () => ReasonInput, { description: '原因。Reason.' }) input: ReasonInput,
  ) {
    return service.transition(ctx.em, requireActor(ctx), id, 'revoke', {
      reason: input.reason,
      expectedVersion: input.expectedVersion,
      requestId: ctx.requestId,
    });
  }

  @FieldResolver(() => Department, { description: '申请部门。Applying department.' })
  async department(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loaders.byId(Department).load(app.department.id))!;
  }

  @FieldResolver(() => Region, { description: '所属县。County.' })
  async county(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(app.county.id))!;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: '经办人（统计分析人员看不到个人，为空）。Applicant; null where people are not yours to see (analysts).',
  })
  async applicant(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<User | null> {
    return (await ctx.loaders.byId(User).load(app.applicant.id)) ?? null;
  }

  @FieldResolver(() => [Region], { description: '申报的范围乡镇（TOWNSHIPS 时）。Townships declared in scope.' })
  async scopeTownships(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<Region[]> {
    return (await ctx.loaders.byId(Region).loadMany(app.scopeTownshipIds)).filter((r): r is Region => r instanceof Region);
  }

  @FieldResolver(() => [Community], { description: '申报的范围村（社区）（COMMUNITIES 时）。Communities declared in scope.' })
  async scopeCommunities(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<Community[]> {
    return (await ctx.loaders.byId(Community).loadMany(app.scopeCommunityIds)).filter((c): c is Community => c instanceof Community);
  }

  @FieldResolver(() => Int, { description: '范围内村（社区）数。Communities in scope.' })
  communityCount(@Root() app: AdmissionApplication): number {
    return app.communityIds.length;
  }

  @FieldResolver(() => [Review], { description: '审核记录。Reviews.' })
  reviews(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<Review[]> {
    return ctx.loaders.manyBy(Review, 'application').load(app.id);
  }

  @FieldResolver(() => [CommitteeDecision], { description: '县委常委会决定。Committee decisions.' })
  committeeDecisions(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<CommitteeDecision[]> {
    return ctx.loaders.manyBy(CommitteeDecision, 'application').load(app.id);
  }

  @FieldResolver(() => ApprovalDocument, { nullable: true, description: '批准文书（已签发时）。Approval document, once issued.' })
  async approvalDocument(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<ApprovalDocument | null> {
    return (await ctx.loaders.manyBy(ApprovalDocument, 'application').load(app.id))[0] ?? null;
  }

  @FieldResolver(() => [String], { description: '当前用户此刻可执行的操作。Actions the current user may take now.' })
  availableActions(@Root() app: AdmissionApplication, @Ctx() ctx: Context): string[] {
    return ctx.actor ? availableActions(app, ctx.actor) : [];
  }

  @FieldResolver(() => Int, { description: '阻断性发现数。Number of blocking findings.' })
  blockingCount(@Root() app: AdmissionApplication): number {
    return app.findings.filter((f) => f.severity === FindingSeverity.BLOCKING).length;
  }

  @FieldResolver(() => [AuditEvent], { description: '办理历史（审计轨迹），按时间先后。History, oldest first.' })
  history(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<AuditEvent[]> {
    return ctx.loaders
      .custom(
        'applicationHistory',
        () =>
          new DataLoader<number, AuditEvent[]>(async (ids) => {
            const events = await ctx.em.find(
              AuditEvent,
              { entityType: 'AdmissionApplication', entityId: { $in: ids.map(String) } },
              { orderBy: { id: 'asc' } },
            );
            return ids.map((id) => events.filter((e) => e.entityId === String(id)));
          }),
      )
      .load(app.id);
  }
}

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => User, { nullable: true, description: '审核人（不在可见范围时为空）。Reviewer; null where people are not yours to see.' })
  async reviewer(@Root() review: Review, @Ctx() ctx: Context): Promise<User | null> {
    return (await ctx.loaders.byId(User).load(review.reviewer.id)) ?? null;
  }
}
