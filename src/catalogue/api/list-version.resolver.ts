import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import { ListVersion, ListVersionItem } from '../entity/list-version.entity';
import { ListItem, ListType } from '../entity/list-item.entity';
import { ListChange } from '../entity/list-change.entity';
import { LIMITS, compareVersionItems, diffListVersions, publishListVersion } from '../service/catalogue.service';
import { maintainedRegion } from './list-change.resolver';
import { Region } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { getRegion } from '../../geography';
import { LocalDateScalar } from '../../kernel/scalars';

export const ListVersionConnection = ConnectionType(ListVersion, { zh: '清单版本', en: 'list versions' });

@InputType({ description: '发布新一版清单：应用本县全部待发布变更。Publish the next version, applying all pending changes.' })
export class PublishListVersionInput {
  @Field(() => ID, { description: '县的全局 ID。The county.' })
  countyId!: string;

  @Field({ description: '发布文号，如 青社工发〔2026〕3号（本县内唯一）。Document number, unique per county.' })
  @IsNotEmpty()
  @MaxLength(LIMITS.documentNumber)
  documentNumber!: string;

  @Field(() => LocalDateScalar, { description: '发布日期（YYYY-MM-DD），不早于上一版。Publication date, not before the previous version.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'publishedAt must be a YYYY-MM-DD date' })
  publishedAt!: string;

  @Field(() => String, { nullable: true, description: '发布说明。Note.' })
  @IsOptional()
  @MaxLength(LIMITS.note)
  note?: string | null;
}

@ObjectType({ description: '两版之间被调整的一项：调整前后及改动的字段。An item adjusted between two versions.' })
export class ListItemAdjustment {
  @Field({ description: '事项编号。Item key.' })
  itemKey!: string;

  @Field(() => ListVersionItem, { description: '起始版本中的该项。The item in the from-version.' })
  before!: ListVersionItem;

  @Field(() => ListVersionItem, { description: '目标版本中的该项。The item in the to-version.' })
  after!: ListVersionItem;

  @Field(() => [String], {
    description: '改动的字段：title、description、category、legalBasis、department、listType、triggerPhrases、examples、counterExamples。Fields that differ.',
  })
  changedFields!: string[];
}

@ObjectType({ description: '两版清单的差异（按事项编号比较）。The difference between two versions, item by item.' })
export class ListVersionDiff {
  @Field(() => ListVersion, { description: '起始版本。From version.' })
  from!: ListVersion;

  @Field(() => ListVersion, { description: '目标版本。To version.' })
  to!: ListVersion;

  @Field(() => [ListVersionItem], { description: '新增的事项（仅在目标版本中）。Items only in the to-version.' })
  added!: ListVersionItem[];

  @Field(() => [ListItemAdjustment], { description: '调整的事项。Items whose content changed.' })
  adjusted!: ListItemAdjustment[];

  @Field(() => [ListVersionItem], { description: '取消的事项（仅在起始版本中）。Items only in the from-version.' })
  cancelled!: ListVersionItem[];
}

@Resolver(() => ListVersion)
export class ListVersionResolver {
  @Authorized()
  @Query(() => ListVersionConnection, { description: '某县已发布的清单版本，新的在前。A county’s published versions, newest first.' })
  async listVersions(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('countyId', () => ID, { nullable: true, description: '县的全局 ID。The county.' }) countyId?: string | null,
    @Arg('countyCode', () => String, { nullable: true, description: '县的 6 位区划代码。The county’s code.' }) countyCode?: string | null,
  ) {
    const region = await getRegion(ctx.em, { id: countyId, code: countyCode }, 'county');
    return paginate(ctx.em, ListVersion, { county: region.id }, { number: 'desc' }, page, info);
  }

  @Authorized()
  @Query(() => ListVersion, { nullable: true, description: '按全局 ID 取一个清单版本。One version by global ID.' })
  listVersion(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '全局 ID。Global ID.' }) id: string): Promise<ListVersion | null> {
    return ctx.em.findOne(ListVersion, { id: fromGlobalId(id, 'ListVersion').id });
  }

  @Authorized()
  @Query(() => ListVersionDiff, { description: '比较同一县的两版清单：新增、调整、取消的事项。Compare two versions of a county’s lists.' })
  listVersionDiff(
    @Ctx() ctx: Context,
    @Arg('fromId', () => ID, { description: '起始版本的全局 ID。From version.' }) fromId: string,
    @Arg('toId', () => ID, { description: '目标版本的全局 ID。To version.' }) toId: string,
  ): Promise<ListVersionDiff> {
    return diffListVersions(ctx.em, fromGlobalId(fromId, 'ListVersion', 'fromId').id, fromGlobalId(toId, 'ListVersion', 'toId').id);
  }

  @Authorized()
  @Mutation(() => ListVersion, {
    description: '发布新一版清单：一次性应用本县全部待发布变更，编号并留存完整快照（本县审核人员、管理员）。Publish the next version of a county’s lists.',
  })
  async publishListVersion(
    @Ctx() ctx: Context,
    @Arg('input', () => PublishListVersionInput, { description: '发布信息。Publication.' }) input: PublishListVersionInput,
  ): Promise<ListVersion> {
    const region = await maintainedRegion(ctx, input.countyId);
    return publishListVersion(ctx.em, ctx, { countyId: region.id, documentNumber: input.documentNumber, publishedAt: input.publishedAt, note: input.note });
  }

  @FieldResolver(() => Region, { description: '所属县。The county.' })
  async county(@Root() version: ListVersion, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(version.county.id))!;
  }

  @FieldResolver(() => User, { nullable: true, description: '发布人（登录后可见）。Who published it, for signed-in users.' })
  publishedBy(@Root() version: ListVersion, @Ctx() ctx: Context): Promise<User | null> | null {
    return ctx.actor ? ctx.loaders.byId(User).load(version.publishedBy.id) : null;
  }

  @FieldResolver(() => [ListVersionItem], { description: '该版的全部事项（发布时快照），按清单与编号排序。The items of this version as published.' })
  async items(
    @Root() version: ListVersion,
    @Ctx() ctx: Context,
    @Arg('listType', () => ListType, { nullable: true, description: '只看该清单。Only this list.' }) listType?: ListType | null,
  ): Promise<ListVersionItem[]> {
    const all = await ctx.loaders
      .custom(
        'listVersionItems',
        () =>
          new DataLoader<number, ListVersionItem[]>(async (ids) => {
            const rows = await ctx.em.find(ListVersionItem, { version: { $in: [...ids] } });
            const groups = new Map<number, ListVersionItem[]>(ids.map((id) => [id, []]));
            for (const row of rows) groups.get(row.version.id)?.push(row);
            return ids.map((id) => groups.get(id)!.sort(compareVersionItems));
          }),
      )
      .load(version.id);
    return listType ? all.filter((i) => i.listType === listType) : all;
  }

  @FieldResolver(() => [ListChange], { description: '该版应用的变更，按暂存先后。The changes this version applied.' })
  changes(@Root() version: ListVersion, @Ctx() ctx: Context): Promise<ListChange[]> {
    return ctx.loaders.manyBy(ListChange, 'publishedIn').load(version.id);
  }
}

@Resolver(() => ListVersionItem)
export class ListVersionItemResolver {
  @FieldResolver(() => ListVersion, { description: '所属版本。The version.' })
  async version(@Root() row: ListVersionItem, @Ctx() ctx: Context): Promise<ListVersion> {
    return (await ctx.loaders.byId(ListVersion).load(row.version.id))!;
  }

  @FieldResolver(() => ListItem, { description: '对应的清单事项（当前状态）。The list item, as it is now.' })
  async item(@Root() row: ListVersionItem, @Ctx() ctx: Context): Promise<ListItem> {
    return (await ctx.loaders.byId(ListItem).load(row.item.id))!;
  }

  @FieldResolver(() => Department, { nullable: true, description: '责任部门（当前记录）。The responsible department’s current record.' })
  department(@Root() row: ListVersionItem, @Ctx() ctx: Context): Promise<Department | null> | null {
    return row.departmentId != null ? ctx.loaders.byId(Department).load(row.departmentId) : null;
  }
}
