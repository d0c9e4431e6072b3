import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Info, Query, Resolver, Root, Authorized } from 'type-graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import { ListItem, ListItemStatus, ListType } from '../entity/list-item.entity';
import { ListChange, ListChangeStatus } from '../entity/list-change.entity';
import { WorkCategory } from '../entity/work-category';
import { Region, RegionLevel } from '../../geography';
import { Department } from '../../organisation';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { badInput, notFound } from '../../kernel/errors';
import { containsPattern } from '../../kernel/text';
import { getRegion } from '../../geography';

export const ListItemConnection = ConnectionType(ListItem, { zh: '清单事项', en: 'list items' });

@InputType({ description: '清单事项筛选条件。List item filter.' })
export class ListItemFilter {
  @Field(() => ID, { nullable: true, description: '县（或省，指导清单）的全局 ID。Of this county (or the province, for guidance lists).' })
  @IsOptional()
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: '县（或省）的 6 位区划代码。Of the county (or province) with this code.' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'countyCode must be a 6-digit division code' })
  countyCode?: string | null;

  @Field(() => ListType, { nullable: true, description: '只看该清单。Only this list.' })
  @IsOptional()
  listType?: ListType | null;

  @Field(() => WorkCategory, { nullable: true, description: '只看该类别。Only this category.' })
  @IsOptional()
  category?: WorkCategory | null;

  @Field(() => ListItemStatus, { nullable: true, description: '只看该状态（为空则全部）。Only this status; all when null.' })
  @IsOptional()
  status?: ListItemStatus | null;

  @Field(() => ID, { nullable: true, description: '责任部门的全局 ID。Of this responsible department.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: '按编号、名称或内容搜索。Search by key, title or description.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@Resolver(() => ListItem)
export class ListItemResolver {
  @Authorized()
  @Query(() => ListItemConnection, {
    description: '清单事项（按县、清单、类别、状态、部门、关键字筛选），按所属清单与编号排序。List items, filtered and paginated, by list and key.',
  })
  async listItems(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => ListItemFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: ListItemFilter,
  ) {
    const where: FilterQuery<ListItem>[] = [];
    const byRegion = filter?.countyId != null || filter?.countyCode != null;
    if (byRegion) where.push({ region: (await getRegion(ctx.em, { id: filter.countyId, code: filter.countyCode }, 'filter.county')).id });
    if (filter?.listType) where.push({ listType: filter.listType });
    if (filter?.category) where.push({ category: filter.category });
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.departmentId != null) where.push({ department: fromGlobalId(filter.departmentId, 'Department', 'filter.departmentId').id });
    if (filter?.search?.trim()) {
      const s = containsPattern(filter.search);
      where.push({ $or: [{ itemKey: { $ilike: s } }, { title: { $ilike: s } }, { description: { $ilike: s } }] });
    }
    const order: Record<string, 'asc'> = byRegion ? { listType: 'asc', itemKey: 'asc' } : { region: 'asc', listType: 'asc', itemKey: 'asc' };
    return paginate(ctx.em, ListItem, where.length ? { $and: where } : {}, order, page, info);
  }

  @Authorized()
  @Query(() => ListItem, { nullable: true, description: '按全局 ID 取一个清单事项。One list item by global ID.' })
  listItem(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '全局 ID。Global ID.' }) id: string): Promise<ListItem | null> {
    return ctx.em.findOne(ListItem, { id: fromGlobalId(id, 'ListItem').id });
  }

  @Authorized()
  @Query(() => [ListItem], {
    description: '省级指导清单的有效事项（县据此制定本县清单），按所属清单与编号排序。The province’s guidance list items, by list and key.',
  })
  async guidanceListItems(
    @Ctx() ctx: Context,
    @Arg('listType', () => ListType, { nullable: true, description: '只看该清单；为空则三项清单全部。Only this list; all three when null.' })
    listType?: ListType | null,
    @Arg('provinceCode', () => String, { nullable: true, description: '省级区划代码；只有一个省时可省略。Province code; optional when there is one province.' })
    provinceCode?: string | null,
  ): Promise<ListItem[]> {
    let province: Region | null;
    if (provinceCode != null) {
      province = await ctx.em.findOne(Region, { code: provinceCode, level: RegionLevel.PROVINCE });
      if (!province) throw notFound('该省', 'Province');
    } else {
      const provinces = await ctx.em.find(Region, { level: RegionLevel.PROVINCE }, { limit: 2 });
      if (provinces.length > 1) {
        throw badInput('请指定省级区划代码', 'Give provinceCode: there is more than one province', [
          { field: 'provinceCode', message: '有多个省时须指定', messageEn: 'required when there is more than one province' },
        ]);
      }
      province = provinces[0] ?? null;
    }
    if (!province) return [];
    return ctx.em.find(
      ListItem,
      { region: province.id, status: ListItemStatus.ACTIVE, ...(listType ? { listType } : {}) },
      { orderBy: { listType: 'asc', itemKey: 'asc' } },
    );
  }

  @FieldResolver(() => Region, { description: '所属县（省级指导清单为省）。The county (or province) whose list it is on.' })
  async region(@Root() item: ListItem, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(item.region.id))!;
  }

  @FieldResolver(() => Department, { nullable: true, description: '责任部门。Responsible department.' })
  department(@Root() item: ListItem, @Ctx() ctx: Context): Promise<Department | null> | null {
    return item.department ? ctx.loaders.byId(Department).load(item.department.id) : null;
  }

  @FieldResolver(() => ListItem, { nullable: true, description: '来源的省指导清单事项。The province guidance item it derives from.' })
  templateItem(@Root() item: ListItem, @Ctx() ctx: Context): Promise<ListItem | null> | null {
    return item.templateItem ? ctx.loaders.byId(ListItem).load(item.templateItem.id) : null;
  }

  @FieldResolver(() => ListChange, { nullable: true, description: '该事项待发布的变更（登录后可见）。Its pending change, for signed-in users.' })
  pendingChange(@Root() item: ListItem, @Ctx() ctx: Context): Promise<ListChange | null> | null {
    if (!ctx.actor) return null;
    return ctx.loaders
      .custom(
        'listItemPendingChange',
        () =>
          new DataLoader<number, ListChange | null>(async (ids) => {
            const rows = await ctx.em.find(ListChange, { item: { $in: [...ids] }, status: ListChangeStatus.PENDING });
            const map = new Map(rows.map((c) => [c.item!.id, c]));
            return ids.map((id) => map.get(id) ?? null);
          }),
      )
      .load(item.id);
  }
}
