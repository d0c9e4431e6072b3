import { Arg, Args, Ctx, Field, FieldResolver, InputType, Info, Query, Resolver, Root, Authorized } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import { DataElement } from '../entity/data-element.entity';
import { Department } from '../../organisation';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { containsPattern } from '../../kernel/text';

export const DataElementConnection = ConnectionType(DataElement, { zh: '数据元', en: 'data elements' });

@InputType({ description: '数据元筛选条件。Data element filter.' })
export class DataElementFilter {
  @Field(() => Boolean, { nullable: true, description: '只看平台已采集（或未采集）的。Only those the platform collects (or not).' })
  collectedOnPlatform?: boolean | null;

  @Field(() => String, { nullable: true, description: '按编码或名称搜索。Search by code or name.' })
  @MaxLength(100)
  search?: string | null;
}

@Resolver(() => DataElement)
export class DataElementResolver {
  @Authorized()
  @Query(() => DataElementConnection, { description: '数据元目录，按编码排序。The data element catalogue, by code.' })
  dataElements(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => DataElementFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: DataElementFilter,
  ) {
    const where: FilterQuery<DataElement>[] = [];
    if (filter?.collectedOnPlatform != null) where.push({ collectedOnPlatform: filter.collectedOnPlatform });
    if (filter?.search?.trim()) {
      const s = filter.search.trim();
      where.push({ $or: [{ code: { $ilike: containsPattern(s) } }, { name: { $ilike: containsPattern(s) } }] });
    }
    return paginate(ctx.em, DataElement, where.length ? { $and: where } : {}, { code: 'asc' }, page, info);
  }

  @FieldResolver(() => [Department], { description: '共享范围：可读取该数据元的部门。Sharing scope: departments that may read it.' })
  sharedWith(@Root() element: DataElement, @Ctx() ctx: Context): Promise<Department[]> {
    return ctx.loaders
      .custom(
        'dataElementSharedWith',
        () =>
          new DataLoader<number, Department[]>(async (ids) => {
            const rows: Array<{ data_element_id: number; department_id: number }> = await ctx.em
              .getConnection()
              .execute('select data_element_id, department_id from data_element_share where data_element_id in (?)', [[...ids]]);
            const departments = await ctx.loaders.byId(Department).loadMany([...new Set(rows.map((r) => r.department_id))]);
            const byId = new Map(departments.filter((d): d is Department => d instanceof Department).map((d) => [d.id, d]));
            return ids.map((id) =>
              rows
                .filter((r) => r.data_element_id === id)
                .map((r) => byId.get(r.department_id)!)
                .filter(Boolean)
                .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
            );
          }),
      )
      .load(element.id);
  }
}
