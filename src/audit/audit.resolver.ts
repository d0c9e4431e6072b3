import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Info, Query, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { AuditEvent } from './audit-event.entity';
import { Role } from '../auth/role';
import type { Context } from '../kernel/context';
import { fromGlobalId } from '../kernel/global-id';
import { ConnectionType, PageArgs, paginate } from '../kernel/pagination';

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
  @Query(() => [AuditEvent], { description: '一条记录的完整审计轨迹，按时间先后。The audit trail of one record, oldest first.' })
  auditTrail(@Ctx() ctx: Context, @Arg('recordId', () => ID, { description: '记录的全局 ID。Global ID of the record.' }) recordId: string): Promise<AuditEvent[]> {
    const { type, id } = fromGlobalId(recordId, undefined, 'recordId');
    return ctx.em.find(AuditEvent, { entityType: type, entityId: String(id) }, { orderBy: { id: 'asc' } });
  }

  @Authorized(Role.ADMIN, Role.REVIEWER, Role.INSPECTOR)
  @Query(() => AuditEventConnection, { description: '审计事件列表，新的在前。Audit events, newest first.' })
  auditEvents(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: AuditEventFilter,
  ) {
    const where: FilterQuery<AuditEvent>[] = [];
    if (filter?.action) where.push(filter.action.endsWith('.') ? { action: { $like: `${filter.action.replace(/[\\%_]/g, '\\$&')}%` } } : { action: filter.action });
    if (filter?.entityType) where.push({ entityType: filter.entityType });
    if (filter?.actorUsername) where.push({ actorUsername: filter.actorUsername });
    if (filter?.from) where.push({ occurredAt: { $gte: filter.from } });
    if (filter?.to) where.push({ occurredAt: { $lt: filter.to } });
    return paginate(ctx.em, AuditEvent, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }
}
