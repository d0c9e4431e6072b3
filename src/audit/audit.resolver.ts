import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { AuditEvent } from './audit-event.entity';
import { Role } from '../kernel/roles';
import type { Context } from '../kernel/context';
import { fromGlobalId } from '../kernel/global-id';
import { ConnectionType, PageArgs, paginate } from '../kernel/pagination';
import { Region } from '../geography';
import { AppError } from '../kernel/errors';
import { verifyAuditChain, type ChainProblem } from './audit-chain';
import { defineEnum } from '../kernel/enums';

export enum AuditChainProblem {
  EDITED = 'EDITED',
  BROKEN_LINK = 'BROKEN_LINK',
  MISSING_HASH = 'MISSING_HASH',
  TRUNCATED = 'TRUNCATED',
  HEAD_MISSING = 'HEAD_MISSING',
}
defineEnum(AuditChainProblem, 'AuditChainProblem', '审计链的问题。What is wrong with an audit chain.', {
  EDITED: ['事件内容与其哈希不符（被改动）', 'An event does not match its hash: edited'],
  BROKEN_LINK: ['事件与前一条不衔接（中间被删除、前一条被改动或顺序被调换）', 'An event does not follow the one before: deleted, altered or reordered'],
  MISSING_HASH: ['事件没有哈希（绕过审计链写入）', 'An event has no hash: written around the chain'],
  TRUNCATED: ['链尾的最新事件被删除', 'The newest events were deleted'],
  HEAD_MISSING: ['链头记录缺失', 'The chain head record is missing'],
});

@ObjectType({ description: '审计链中第一处不符。The first place an audit chain does not check out.' })
export class AuditChainBreak {
  @Field(() => String, { nullable: true, description: '问题事件的数据库主键（链尾被删时为现存最后一条）。Database id of the event.' })
  eventId!: string | null;

  @Field(() => AuditChainProblem, { description: '问题类型。What is wrong.' })
  problem!: ChainProblem;

  @Field({ description: '说明（中文）。Explanation in Chinese.' })
  message!: string;

  @Field({ description: '说明（英文）。Explanation in English.' })
  messageEn!: string;
}

@ObjectType({ description: '一条审计链（一个县，或全局）的核验结果。Verification of one audit chain.' })
export class AuditChainReport {
  @Field({ description: '链标识：global 或 county:<主键>。Chain key.' })
  chainKey!: string;

  @Field(() => Region, { nullable: true, description: '所属县；全局链为空。The county; null for the global chain.' })
  county!: Region | null;

  @Field({ description: '是否完整无误。Whether the chain checks out.' })
  valid!: boolean;

  @Field(() => Int, { description: '核验的事件数。Events checked.' })
  eventCount!: number;

  @Field(() => String, { nullable: true, description: '链头哈希（最新事件的哈希）；请另行留存以便日后比对。Hash of the newest event; keep it elsewhere.' })
  headHash!: string | null;

  @Field(() => AuditChainBreak, { nullable: true, description: '第一处不符；完整时为空。The first break, if any.' })
  firstBreak!: AuditChainBreak | null;
}

@ObjectType({ description: '审计链核验结果。Result of verifying the audit trail.' })
export class AuditChainVerification {
  @Field({ description: '所有被核验的链是否都完整。Whether every chain checked is intact.' })
  valid!: boolean;

  @Field(() => Int, { description: '核验的事件总数。Events checked.' })
  eventCount!: number;

  @Field(() => Date, { description: '核验时间。When it was checked.' })
  checkedAt!: Date;

  @Field(() => [AuditChainReport], { description: '各条链的结果。Each chain.' })
  chains!: AuditChainReport[];
}

export const AuditEventConnection = ConnectionType(AuditEvent, { zh: '审计事件', en: 'audit events' });

@InputType({ description: '审计事件筛选条件。Audit event filter.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: '动作（完全匹配或前缀，如 application.）。Action, exact or prefix ending in a dot.' })
  @MaxLength(100)
  action?: string | null;

  @Field(() => String, { nullable: true, description: '记录类型。Record type.' })
  @MaxLength(100)
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: '操作人登录名。Actor username.' })
  @MaxLength(64)
  actorUsername?: string | null;

  @Field(() => Date, { nullable: true, description: '起始时间（含）。From (inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '截止时间（不含）。Until (exclusive).' })
  to?: Date | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized()
  @Query(() => AuditChainVerification, {
    description:
      '核验审计链：重新计算每条事件的哈希，指出第一处被改动、删除或调换的事件。Verify the hash-chained audit trail; names the first edited, deleted or reordered event.',
  })
  async verifyAuditChain(
    @Ctx() ctx: Context,
    @Arg('countyId', () => ID, {
      nullable: true,
      description:
        "只核验该县的链；为空时督查人员核验本县的链，管理员核验全部（含全局链）。Only this county's chain; when null, an inspector's own county, an administrator every chain (the global one too).",
    })
    countyId?: string | null,
  ): Promise<AuditChainVerification> {
    let id: number | undefined = countyId ? fromGlobalId(countyId, 'Region', 'countyId').id : undefined;
    // Scoped like the audit trail: an inspector sees their own county's chain (never the others' heads
    // or counts, nor the global chain of sign-ins and accounts); administrators every chain.
    if (ctx.scope.role !== Role.ADMIN) {
      const own = ctx.scope.regionId;
      const outside = () => new AppError('FORBIDDEN', '不在您的管辖范围内', 'Outside your jurisdiction', { reason: 'JURISDICTION' });
      if (own == null) throw outside();
      if (id === undefined) id = own;
      else if (id !== own) throw outside();
    }
    const reports = await verifyAuditChain(ctx.em, id);
    const counties = await ctx.loaders.byId(Region).loadMany(reports.map((r) => r.countyId).filter((c): c is number => c != null));
    const regionOf = new Map(counties.filter((r): r is Region => r instanceof Region).map((r) => [r.id, r]));
    const chains: AuditChainReport[] = reports.map(({ countyId: c, ...rest }) => ({ ...rest, county: c == null ? null : (regionOf.get(c) ?? null) }));
    return {
      valid: chains.every((c) => c.valid),
      eventCount: chains.reduce((n, c) => n + c.eventCount, 0),
      checkedAt: new Date(),
      chains,
    };
  }

  @Authorized()
  @Query(() => [AuditEvent], { description: '一条记录的完整审计轨迹，按时间先后。The audit trail of one record, oldest first.' })
  auditTrail(
    @Ctx() ctx: Context,
    @Arg('recordId', () => ID, { description: '记录的全局 ID。Global ID of the record.' }) recordId: string,
  ): Promise<AuditEvent[]> {
    const { type, id } = fromGlobalId(recordId, undefined, 'recordId');
    return ctx.em.find(AuditEvent, { entityType: type, entityId: String(id) }, { orderBy: { id: 'asc' } });
  }

  @Authorized()
  @Query(() => AuditEventConnection, { description: '审计事件列表，新的在前。Audit events, newest first.' })
  auditEvents(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: AuditEventFilter,
  ) {
    const where: FilterQuery<AuditEvent>[] = [];
    if (filter?.action)
      where.push(filter.action.endsWith('.') ? { action: { $like: `${filter.action.replace(/[\\%_]/g, '\\$&')}%` } } : { action: filter.action });
    if (filter?.entityType) where.push({ entityType: filter.entityType });
    if (filter?.actorUsername) where.push({ actorUsername: filter.actorUsername });
    if (filter?.from) where.push({ occurredAt: { $gte: filter.from } });
    if (filter?.to) where.push({ occurredAt: { $lt: filter.to } });
    return paginate(ctx.em, AuditEvent, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }
}
