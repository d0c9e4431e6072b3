import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { User } from '../../auth';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { AdmissionApplication } from '../../admission';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { Refusal, RefusalEvidence } from './refusal.entity';
import { SupervisionFinding } from '../supervision/supervision.entity';
import { filterCounty } from '../../geography';
import { filterId } from '../../kernel/input';
import { NoteInput } from '../../kernel/note.input';
import { RefusalFilter, RefusalInput } from './refusal.inputs';
import * as service from './refusal.service';

export const RefusalConnection = ConnectionType(Refusal, { zh: '拒绝执行与举报', en: 'refusals and reports' });

@Resolver(() => Refusal)
export class RefusalResolver {
  @Authorized()
  @Query(() => RefusalConnection, {
    description:
      '拒绝执行与举报：村社区工作者看本村社区的，部门看涉及本部门的，审核和督查人员看本县的；新的在前。Refusals and reports the actor may see, newest first.',
  })
  async refusals(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => RefusalFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: RefusalFilter,
  ) {
    const where: FilterQuery<Refusal>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const community = filterId(filter?.communityId, 'Community', 'communityId');
    if (community) where.push({ community });
    const department = filterId(filter?.departmentId, 'Department', 'departmentId');
    if (department) where.push({ department });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.reason) where.push({ [raw((a) => `${a}.reasons @> ?::jsonb`, [JSON.stringify([filter.reason])])]: true });
    if (filter?.hasFinding != null) {
      where.push({ [raw((a) => `exists (select 1 from supervision_finding f where f.refusal_id = ${a}.id)`)]: filter.hasFinding });
    }
    return paginate(ctx.em, Refusal, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }

  @Authorized()
  @Query(() => Refusal, { nullable: true, description: '一条拒绝执行或举报（不在管辖范围内时为空）。One refusal or report; null outside your jurisdiction.' })
  async refusal(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '全局 ID。Global ID.' }) id: string): Promise<Refusal | null> {
    // Outside the jurisdiction it does not exist for the reader (src/auth/permissions.ts).
    return ctx.em.findOne(Refusal, { id: fromGlobalId(id, 'Refusal').id });
  }

  @Authorized()
  @Mutation(() => Refusal, {
    description: '村（社区）拒绝执行未经准入、无依据、无经费或属负面清单的任务，或举报（可匿名，匿名时不记录举报人）。Refuse or report a task.',
  })
  submitRefusal(@Ctx() ctx: Context, @Arg('input', () => RefusalInput, { description: '内容与证据。Content and evidence.' }) input: RefusalInput) {
    return service.submitRefusal(ctx, input);
  }

  @Authorized()
  @Mutation(() => Refusal, { description: '核实属实。Verify a refusal or report.' })
  verifyRefusal(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '拒绝执行或举报。Refusal or report.' }) id: string,
    @Arg('input', () => NoteInput, { description: '核实意见。Note.' }) input: NoteInput,
  ) {
    return service.verifyRefusal(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => Refusal, { description: '经核实不属实，不予支持。Dismiss a refusal or report.' })
  dismissRefusal(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '拒绝执行或举报。Refusal or report.' }) id: string,
    @Arg('input', () => NoteInput, { description: '理由。Reason.' }) input: NoteInput,
  ) {
    return service.dismissRefusal(ctx, id, input);
  }

  @FieldResolver(() => String, { description: '任务内容与经过（仅有权查看者可见）。What was asked, and how.' })
  async taskDescription(@Root() r: Refusal): Promise<string> {
    return r.taskDescription;
  }

  @FieldResolver(() => [RefusalEvidence], { description: '证据（仅有权查看者可见）。Evidence.' })
  async evidence(@Root() r: Refusal): Promise<RefusalEvidence[]> {
    return r.evidence;
  }

  @FieldResolver(() => User, { nullable: true, description: '提出人（匿名举报时始终为空）。Who made it; always null for anonymous reports.' })
  async reporter(@Root() r: Refusal, @Ctx() ctx: Context): Promise<User | null> {
    if (r.anonymous || !r.reporter) return null;
    return ctx.loaders.byId(User).load(r.reporter.id);
  }

  @FieldResolver(() => Community, { description: '任务下派到的村（社区）。Community.' })
  async community(@Root() r: Refusal, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(r.community.id))!;
  }

  @FieldResolver(() => Region, { description: '所属县。County.' })
  async county(@Root() r: Refusal, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(r.county.id))!;
  }

  @FieldResolver(() => Department, { nullable: true, description: '下派任务的部门。Department.' })
  async department(@Root() r: Refusal, @Ctx() ctx: Context): Promise<Department | null> {
    return r.department ? ctx.loaders.byId(Department).load(r.department.id) : null;
  }

  @FieldResolver(() => AdmissionApplication, { nullable: true, description: '任务声称依据的准入申请。Application the task claims.' })
  async application(@Root() r: Refusal, @Ctx() ctx: Context): Promise<AdmissionApplication | null> {
    return r.application ? ctx.loaders.byId(AdmissionApplication).load(r.application.id) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: '核实或处理人。Who handled it.' })
  async handledBy(@Root() r: Refusal, @Ctx() ctx: Context): Promise<User | null> {
    return r.handledBy ? ctx.loaders.byId(User).load(r.handledBy.id) : null;
  }

  @FieldResolver(() => [SupervisionFinding], { description: '由此形成的督查发现。Supervision findings raised from it.' })
  findings(@Root() r: Refusal, @Ctx() ctx: Context): Promise<SupervisionFinding[]> {
    return ctx.loaders.manyBy(SupervisionFinding, 'refusal').load(r.id);
  }
}
