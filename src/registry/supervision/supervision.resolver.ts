import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { User } from '../../auth';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { AdmissionApplication } from '../../admission';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { chinaDate } from '../../kernel/dates';
import { Refusal } from '../refusals/refusal.entity';
import { Inspection, Interview, PublicCriticism, SupervisionFinding } from './supervision.entity';
import { InterviewStatus, SupervisionFindingStatus } from './supervision.enums';
import { actorScope } from '../../kernel/context';
import { assertCountyRole } from '../../kernel/jurisdiction';
import { COUNTY_STAFF } from '../../kernel/roles';
import { filterCounty } from '../../geography';
import { filterId } from '../../kernel/input';
import {
  InspectionFilter,
  InspectionInput,
  InterviewFilter,
  InterviewHeldInput,
  InterviewInput,
  PublicCriticismFilter,
  PublicCriticismInput,
  SupervisionFindingFilter,
  SupervisionFindingInput,
} from './supervision.inputs';
import { NoteInput } from '../../kernel/note.input';
import * as service from './supervision.service';

export const InspectionConnection = ConnectionType(Inspection, { zh: '督查', en: 'inspections' });
export const SupervisionFindingConnection = ConnectionType(SupervisionFinding, { zh: '督查发现', en: 'supervision findings' });
export const InterviewConnection = ConnectionType(Interview, { zh: '约谈', en: 'interviews' });
export const PublicCriticismConnection = ConnectionType(PublicCriticism, { zh: '通报批评', en: 'public criticisms' });

@ObjectType({ description: '屡犯部门：一定期间内多次被督查发现问题的部门。A department with repeat offences.' })
export class RepeatOffender {
  departmentId!: number;

  @Field(() => Int, { description: '期间内督查发现数。Findings in the period.' })
  findings!: number;

  @Field(() => Int, { description: '其中屡犯（一年内同类问题再次发生）数。Of which repeats.' })
  repeatFindings!: number;

  @Field(() => Int, { description: '期间内约谈次数。Interviews in the period.' })
  interviews!: number;

  @Field(() => Int, { description: '期间内通报批评次数。Public criticisms in the period.' })
  criticisms!: number;

  @Field(() => Date, { description: '最近一次发现时间。Latest finding.' })
  lastFoundAt!: Date;
}

const byId = async <T extends { id: number }>(ctx: Context, entity: new () => T, ids: number[]): Promise<T[]> =>
  (await ctx.loaders.byId<T>(entity).loadMany(ids)).filter((x): x is T => x instanceof entity);

@Resolver(() => Inspection)
export class InspectionResolver {
  @Authorized()
  @Query(() => InspectionConnection, { description: '督查（明察暗访），新的在前；仅县级审核、督查等人员可见。Inspections, newest first.' })
  async inspections(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => InspectionFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: InspectionFilter,
  ) {
    const where: FilterQuery<Inspection>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    if (filter?.mode) where.push({ mode: filter.mode });
    if (filter?.from) where.push({ conductedOn: { $gte: filter.from } });
    if (filter?.to) where.push({ conductedOn: { $lte: filter.to } });
    return paginate(ctx.em, Inspection, where.length ? { $and: where } : {}, { conductedOn: 'desc' }, page, info);
  }

  @Authorized()
  @Mutation(() => Inspection, { description: '登记督查（联合督查组明察暗访）。Record an inspection.' })
  recordInspection(@Ctx() ctx: Context, @Arg('input', () => InspectionInput, { description: '督查。Inspection.' }) input: InspectionInput) {
    return service.recordInspection(ctx, input);
  }

  @FieldResolver(() => Region, { description: '所属县。County.' })
  async county(@Root() i: Inspection, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(i.county.id))!;
  }

  @FieldResolver(() => [Community], { description: '走访的村（社区）。Communities visited.' })
  communities(@Root() i: Inspection, @Ctx() ctx: Context): Promise<Community[]> {
    return byId(ctx, Community, i.communityIds);
  }

  @FieldResolver(() => [Department], { description: '督查的部门。Departments inspected.' })
  departments(@Root() i: Inspection, @Ctx() ctx: Context): Promise<Department[]> {
    return byId(ctx, Department, i.departmentIds);
  }

  @FieldResolver(() => [SupervisionFinding], { description: '本次督查的发现。Findings of this inspection.' })
  findings(@Root() i: Inspection, @Ctx() ctx: Context): Promise<SupervisionFinding[]> {
    return ctx.loaders.manyBy(SupervisionFinding, 'inspection').load(i.id);
  }
}

@Resolver(() => SupervisionFinding)
export class SupervisionFindingResolver {
  @Authorized()
  @Query(() => SupervisionFindingConnection, { description: '督查发现（督办事项）：部门只看针对本部门的；新的在前。Supervision findings, newest first.' })
  async supervisionFindings(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => SupervisionFindingFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: SupervisionFindingFilter,
  ) {
    const where: FilterQuery<SupervisionFinding>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const department = filterId(filter?.departmentId, 'Department', 'departmentId');
    if (department) where.push({ department });
    const inspection = filterId(filter?.inspectionId, 'Inspection', 'inspectionId');
    if (inspection) where.push({ inspection });
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.source) where.push({ source: filter.source });
    if (filter?.category) where.push({ category: filter.category });
    if (filter?.repeat != null) where.push({ repeat: filter.repeat });
    if (filter?.overdue != null) {
      const overdue = { status: SupervisionFindingStatus.OPEN, rectificationDeadline: { $lt: chinaDate() } };
      where.push(filter.overdue ? overdue : { $not: overdue });
    }
    return paginate(ctx.em, SupervisionFinding, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }

  @Authorized()
  @Mutation(() => SupervisionFinding, { description: '登记督查发现（针对部门，可关联督查、准入申请、拒绝执行或举报）。Record a finding against a department.' })
  recordSupervisionFinding(
    @Ctx() ctx: Context,
    @Arg('input', () => SupervisionFindingInput, { description: '督查发现。Finding.' }) input: SupervisionFindingInput,
  ) {
    return service.recordSupervisionFinding(ctx, input);
  }

  @Authorized()
  @Mutation(() => SupervisionFinding, { description: '部门报送整改情况。The department reports its rectification.' })
  reportRectification(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '督查发现。Finding.' }) id: string,
    @Arg('input', () => NoteInput, { description: '整改情况。Rectification.' }) input: NoteInput,
  ) {
    return service.reportRectification(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => SupervisionFinding, { description: '督查发现销号。Close a finding.' })
  closeSupervisionFinding(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '督查发现。Finding.' }) id: string,
    @Arg('input', () => NoteInput, { description: '销号意见。Note.' }) input: NoteInput,
  ) {
    return service.closeSupervisionFinding(ctx, id, input);
  }

  @Authorized()
  @Query(() => [RepeatOffender], { description: '屡犯部门：期间内督查发现达到次数或有屡犯记录的部门，按发现数。Departments with repeat offences.' })
  async repeatOffenders(
    @Ctx() ctx: Context,
    @Arg('countyId', () => ID, { description: '县。County.' }) countyId: string,
    @Arg('since', () => Date, { nullable: true, description: '起始时间（默认一年前）。Since; a year ago by default.' }) since?: Date,
    @Arg('minFindings', () => Int, { defaultValue: 2, description: '至少几项发现（默认 2）。Minimum findings.' }) minFindings = 2,
  ): Promise<RepeatOffender[]> {
    const scope = actorScope(ctx);
    const county = fromGlobalId(countyId, 'Region', 'countyId').id;
    assertCountyRole(scope, county, COUNTY_STAFF);
    return service.repeatOffenders(ctx.em, county, since ?? new Date(Date.now() - 365 * 86_400_000), Math.max(1, minFindings));
  }

  @FieldResolver(() => Department, { description: '问题部门。Department.' })
  async department(@Root() f: SupervisionFinding, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loaders.byId(Department).load(f.department.id))!;
  }

  @FieldResolver(() => Inspection, { nullable: true, description: '所属督查。Inspection.' })
  async inspection(@Root() f: SupervisionFinding, @Ctx() ctx: Context): Promise<Inspection | null> {
    return f.inspection ? ctx.loaders.byId(Inspection).load(f.inspection.id) : null;
  }

  @FieldResolver(() => AdmissionApplication, { nullable: true, description: '相关准入申请。Related application.' })
  async application(@Root() f: SupervisionFinding, @Ctx() ctx: Context): Promise<AdmissionApplication | null> {
    return f.application ? ctx.loaders.byId(AdmissionApplication).load(f.application.id) : null;
  }

  @FieldResolver(() => Refusal, { nullable: true, description: '相关拒绝执行或举报。Related refusal or report.' })
  async refusal(@Root() f: SupervisionFinding, @Ctx() ctx: Context): Promise<Refusal | null> {
    return f.refusal ? ctx.loaders.byId(Refusal).load(f.refusal.id) : null;
  }

  @FieldResolver(() => Community, { nullable: true, description: '相关村（社区）。Related community.' })
  async community(@Root() f: SupervisionFinding, @Ctx() ctx: Context): Promise<Community | null> {
    return f.community ? ctx.loaders.byId(Community).load(f.community.id) : null;
  }

  @FieldResolver(() => SupervisionFinding, { nullable: true, description: '屡犯时，一年内同类的上一次发现。The previous finding, for a repeat.' })
  async previousFinding(@Root() f: SupervisionFinding, @Ctx() ctx: Context): Promise<SupervisionFinding | null> {
    return f.previousFinding ? ctx.loaders.byId(SupervisionFinding).load(f.previousFinding.id) : null;
  }

  @FieldResolver(() => Boolean, { description: '是否已过整改期限仍未整改。Past its deadline and still open.' })
  overdue(@Root() f: SupervisionFinding): boolean {
    return f.status === SupervisionFindingStatus.OPEN && !!f.rectificationDeadline && f.rectificationDeadline < chinaDate();
  }
}

const followUpOverdue = (deadline: string, reported: Date | null | undefined) => !reported && deadline < chinaDate();

@Resolver(() => Interview)
export class InterviewResolver {
  @Authorized()
  @Query(() => InterviewConnection, { description: '约谈：部门只看本部门的；按约谈时间新的在前。Interviews, latest first.' })
  async interviews(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => InterviewFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: InterviewFilter,
  ) {
    const where: FilterQuery<Interview>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const department = filterId(filter?.departmentId, 'Department', 'departmentId');
    if (department) where.push({ department });
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.followUpOverdue != null) {
      const overdue = { status: { $ne: InterviewStatus.CANCELLED }, followUpReportedAt: null, followUpDeadline: { $lt: chinaDate() } };
      where.push(filter.followUpOverdue ? overdue : { $not: overdue });
    }
    return paginate(ctx.em, Interview, where.length ? { $and: where } : {}, { scheduledAt: 'desc' }, page, info);
  }

  @Authorized()
  @Mutation(() => Interview, { description: '安排约谈部门（相关的已核实拒绝执行、举报改为“已约谈相关部门”）。Schedule an interview of a department.' })
  scheduleInterview(@Ctx() ctx: Context, @Arg('input', () => InterviewInput, { description: '约谈。Interview.' }) input: InterviewInput) {
    return service.scheduleInterview(ctx, input);
  }

  @Authorized()
  @Mutation(() => Interview, { description: '记录约谈已进行。Record an interview as held.' })
  recordInterviewHeld(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '约谈。Interview.' }) id: string,
    @Arg('input', () => InterviewHeldInput, { description: '约谈情况。Outcome.' }) input: InterviewHeldInput,
  ) {
    return service.recordInterviewHeld(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => Interview, { description: '取消约谈。Cancel an interview.' })
  cancelInterview(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '约谈。Interview.' }) id: string,
    @Arg('input', () => NoteInput, { description: '原因。Reason.' }) input: NoteInput,
  ) {
    return service.cancelInterview(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => Interview, { description: '部门报送约谈后整改落实情况。The department reports its follow-up.' })
  reportInterviewFollowUp(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '约谈。Interview.' }) id: string,
    @Arg('input', () => NoteInput, { description: '整改落实情况。Follow-up.' }) input: NoteInput,
  ) {
    return service.reportInterviewFollowUp(ctx, id, input);
  }

  @FieldResolver(() => Department, { description: '被约谈部门。Department.' })
  async department(@Root() i: Interview, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loaders.byId(Department).load(i.department.id))!;
  }

  @FieldResolver(() => [SupervisionFinding], { description: '涉及的督查发现。Findings it addresses.' })
  findings(@Root() i: Interview, @Ctx() ctx: Context): Promise<SupervisionFinding[]> {
    return byId(ctx, SupervisionFinding, i.findingIds);
  }

  @FieldResolver(() => [Refusal], { description: '涉及的拒绝执行或举报。Refusals or reports it addresses.' })
  refusals(@Root() i: Interview, @Ctx() ctx: Context): Promise<Refusal[]> {
    return byId(ctx, Refusal, i.refusalIds);
  }

  @FieldResolver(() => User, { nullable: true, description: '安排人。Who scheduled it.' })
  async scheduledBy(@Root() i: Interview, @Ctx() ctx: Context): Promise<User | null> {
    return i.scheduledBy ? ctx.loaders.byId(User).load(i.scheduledBy.id) : null;
  }

  @FieldResolver(() => Boolean, { description: '整改落实是否逾期未报。Follow-up overdue.' })
  followUpOverdue(@Root() i: Interview): boolean {
    return i.status !== InterviewStatus.CANCELLED && followUpOverdue(i.followUpDeadline, i.followUpReportedAt);
  }
}

@Resolver(() => PublicCriticism)
export class PublicCriticismResolver {
  @Authorized()
  @Query(() => PublicCriticismConnection, { description: '通报批评（公开），新的在前。Public criticisms, newest first.' })
  async publicCriticisms(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => PublicCriticismFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: PublicCriticismFilter,
  ) {
    const where: FilterQuery<PublicCriticism>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const department = filterId(filter?.departmentId, 'Department', 'departmentId');
    if (department) where.push({ department });
    if (filter?.followUpOverdue != null) {
      const overdue = { followUpReportedAt: null, followUpDeadline: { $lt: chinaDate() } };
      where.push(filter.followUpOverdue ? overdue : { $not: overdue });
    }
    return paginate(ctx.em, PublicCriticism, where.length ? { $and: where } : {}, { issuedOn: 'desc' }, page, info);
  }

  @Authorized()
  @Mutation(() => PublicCriticism, { description: '对问题突出的部门通报批评。Publicly criticise a department.' })
  issuePublicCriticism(@Ctx() ctx: Context, @Arg('input', () => PublicCriticismInput, { description: '通报。Criticism.' }) input: PublicCriticismInput) {
    return service.issuePublicCriticism(ctx, input);
  }

  @Authorized()
  @Mutation(() => PublicCriticism, { description: '部门报送通报后整改落实情况。The department reports its follow-up.' })
  reportCriticismFollowUp(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '通报批评。Criticism.' }) id: string,
    @Arg('input', () => NoteInput, { description: '整改落实情况。Follow-up.' }) input: NoteInput,
  ) {
    return service.reportCriticismFollowUp(ctx, id, input);
  }

  @FieldResolver(() => Department, { description: '被通报部门。Department.' })
  async department(@Root() c: PublicCriticism, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loaders.byId(Department).load(c.department.id))!;
  }

  @FieldResolver(() => [SupervisionFinding], { description: '通报的督查发现。Findings it publishes.' })
  findings(@Root() c: PublicCriticism, @Ctx() ctx: Context): Promise<SupervisionFinding[]> {
    return byId(ctx, SupervisionFinding, c.findingIds);
  }

  @FieldResolver(() => Boolean, { description: '整改落实是否逾期未报。Follow-up overdue.' })
  followUpOverdue(@Root() c: PublicCriticism): boolean {
    return followUpOverdue(c.followUpDeadline, c.followUpReportedAt);
  }
}

@Resolver(() => RepeatOffender)
export class RepeatOffenderResolver {
  @FieldResolver(() => Department, { description: '部门。Department.' })
  async department(@Root() r: RepeatOffender, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loaders.byId(Department).load(r.departmentId))!;
  }
}
