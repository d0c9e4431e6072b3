import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize, IsNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ListChange, ListChangeKind, ListChangeStatus, ListItemProposal } from '../entity/list-change.entity';
import { ListItem, ListType } from '../entity/list-item.entity';
import { ListVersion } from '../entity/list-version.entity';
import { WorkCategory } from '../entity/work-category';
import { LIMITS, canMaintainLists, discardListChange, importGuidanceLists, stageListChange } from '../service/catalogue.service';
import { Region } from '../../geography';
import { Department } from '../../organisation';
import { User } from '../../auth';
import { requireActor, type Context } from '../../kernel/context';
import { fromGlobalId } from '../../kernel/global-id';
import { forbidden, notFound } from '../../kernel/errors';
import { getRegion } from '../../geography';

@InputType({ description: '拟定的事项内容：新增时须完整，调整时只填要改的字段。Proposed item content: complete for ADD, changed fields only for ADJUST.' })
export class ListItemProposalInput {
  @Field(() => ListType, { nullable: true, description: '所属清单（新增必填；调整不能改变）。Which list; required for ADD, fixed for ADJUST.' })
  @IsOptional()
  listType?: ListType | null;

  @Field(() => String, { nullable: true, description: '事项名称。Title.' })
  @IsOptional()
  @MaxLength(LIMITS.title)
  title?: string | null;

  @Field(() => String, { nullable: true, description: '事项内容说明。Description.' })
  @IsOptional()
  @MaxLength(LIMITS.description)
  description?: string | null;

  @Field(() => WorkCategory, { nullable: true, description: '工作类别。Category of work.' })
  @IsOptional()
  category?: WorkCategory | null;

  @Field(() => [String], {
    nullable: true,
    description: '法律法规政策依据（履职、协助事项至少一条）。Legal basis citations; at least one for duty and assistance items.',
  })
  @IsOptional()
  @ArrayMaxSize(LIMITS.citations)
  @MaxLength(LIMITS.citation, { each: true })
  legalBasis?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: '审核触发词（负面事项，每条 2–40 字）：申请中由村（社区）承担该表述所述工作时即提示该事项。Trigger phrases (negative items).',
  })
  @IsOptional()
  @ArrayMaxSize(LIMITS.phrases)
  @MaxLength(LIMITS.phrase, { each: true })
  triggerPhrases?: string[] | null;

  @Field(() => [String], { nullable: true, description: '审核例句（负面事项）：属于该事项的表述。Example sentences of the item’s work.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.examples)
  @MaxLength(LIMITS.example, { each: true })
  examples?: string[] | null;

  @Field(() => [String], { nullable: true, description: '可准入的相似表述（负面事项）：审核人员认定不属于该事项的例句。Admissible look-alike sentences.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.examples)
  @MaxLength(LIMITS.example, { each: true })
  counterExamples?: string[] | null;

  @Field(() => ID, { nullable: true, description: '责任部门的全局 ID；调整时显式传 null 表示清除。Responsible department; explicit null clears it on ADJUST.' })
  @IsOptional()
  departmentId?: string | null;
}

@InputType({ description: '暂存一项清单变更（待下一版发布时生效）。Stage a list change for the next version.' })
export class StageListChangeInput {
  @Field(() => ID, { description: '县的全局 ID。The county.' })
  countyId!: string;

  @Field(() => ListChangeKind, { description: '变更类别：新增、调整、取消。Kind: add, adjust or cancel.' })
  kind!: ListChangeKind;

  @Field(() => ID, { nullable: true, description: '调整、取消的清单事项的全局 ID。The item to adjust or cancel.' })
  @IsOptional()
  itemId?: string | null;

  @Field(() => ID, { nullable: true, description: '新增时来源的省指导清单事项。For ADD: the guidance item it derives from.' })
  @IsOptional()
  templateItemId?: string | null;

  @Field(() => ListItemProposalInput, { nullable: true, description: '拟定内容（新增、调整时）。Proposed content, for ADD and ADJUST.' })
  @IsOptional()
  @ValidateNested()
  proposed?: ListItemProposalInput | null;

  @Field({ description: '变更理由。Reason.' })
  @IsNotEmpty()
  @MaxLength(LIMITS.reason)
  reason!: string;
}

/** The county a list mutation is about, if the actor may maintain its lists (else FORBIDDEN). */
export async function maintainedRegion(ctx: Context, countyId: string, field = 'countyId'): Promise<Region> {
  const actor = requireActor(ctx);
  const region = await ctx.em.findOne(Region, { id: fromGlobalId(countyId, 'Region', field).id });
  if (!region) throw notFound('该县（市、区）', 'County');
  if (!canMaintainLists(actor, region)) {
    throw forbidden(
      'JURISDICTION',
      '只有本县审核人员（县委社会工作部）或管理员可以维护本县清单',
      'Only this county’s reviewers or an admin may maintain its lists',
    );
  }
  return region;
}

@Resolver(() => ListChange)
export class ListChangeResolver {
  @Authorized()
  @Query(() => [ListChange], { description: '某县待发布的清单变更，按暂存先后。A county’s pending list changes, oldest first.' })
  async pendingListChanges(
    @Ctx() ctx: Context,
    @Arg('countyId', () => ID, { nullable: true, description: '县的全局 ID。The county.' }) countyId?: string | null,
    @Arg('countyCode', () => String, { nullable: true, description: '县的 6 位区划代码。The county’s code.' }) countyCode?: string | null,
  ): Promise<ListChange[]> {
    const region = await getRegion(ctx.em, { id: countyId, code: countyCode }, 'county');
    return ctx.em.find(ListChange, { county: region.id, status: ListChangeStatus.PENDING }, { orderBy: { id: 'asc' } });
  }

  @Authorized()
  @Mutation(() => [ListChange], {
    description:
      '从省指导清单导入：为本县尚未采用的每项指导事项暂存一项“新增”变更，并按主管部门类别对应本县部门（本县审核人员、管理员）。Derive the guidance lists: stage an ADD for each guidance item not yet derived.',
  })
  async importGuidanceLists(
    @Ctx() ctx: Context,
    @Arg('countyId', () => ID, { description: '县的全局 ID。The county.' }) countyId: string,
  ): Promise<ListChange[]> {
    const region = await maintainedRegion(ctx, countyId);
    return importGuidanceLists(ctx.em, ctx, { countyId: region.id });
  }

  @Authorized()
  @Mutation(() => ListChange, { description: '暂存一项清单变更：新增、调整或取消（本县审核人员、管理员）。Stage a list change.' })
  async stageListChange(
    @Ctx() ctx: Context,
    @Arg('input', () => StageListChangeInput, { description: '变更内容。The change.' }) input: StageListChangeInput,
  ): Promise<ListChange> {
    const region = await maintainedRegion(ctx, input.countyId);
    const p = input.proposed;
    return stageListChange(ctx.em, ctx, {
      countyId: region.id,
      kind: input.kind,
      itemId: input.itemId != null ? fromGlobalId(input.itemId, 'ListItem', 'itemId').id : null,
      templateItemId: input.templateItemId != null ? fromGlobalId(input.templateItemId, 'ListItem', 'templateItemId').id : null,
      reason: input.reason,
      proposed: p
        ? {
            listType: p.listType,
            title: p.title,
            description: p.description,
            category: p.category,
            legalBasis: p.legalBasis,
            triggerPhrases: p.triggerPhrases,
            examples: p.examples,
            counterExamples: p.counterExamples,
            // undefined keeps the department on ADJUST, null clears it.
            departmentId:
              p.departmentId === undefined
                ? undefined
                : p.departmentId === null
                  ? null
                  : fromGlobalId(p.departmentId, 'Department', 'proposed.departmentId').id,
          }
        : null,
    });
  }

  @Authorized()
  @Mutation(() => ListChange, { description: '放弃一项待发布的清单变更（本县审核人员、管理员）。Discard a pending list change.' })
  async discardListChange(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '变更的全局 ID。The change.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: '放弃理由。Reason.' }) reason?: string | null,
  ): Promise<ListChange> {
    const change = await ctx.em.findOne(ListChange, { id: fromGlobalId(id, 'ListChange').id });
    if (!change) throw notFound('该清单变更', 'List change');
    const region = (await ctx.em.findOne(Region, { id: change.county.id }))!;
    if (!canMaintainLists(requireActor(ctx), region))
      throw forbidden(
        'JURISDICTION',
        '只有本县审核人员（县委社会工作部）或管理员可以维护本县清单',
        'Only this county’s reviewers or an admin may maintain its lists',
      );
    return discardListChange(ctx.em, ctx, { changeId: change.id, reason });
  }

  @FieldResolver(() => Date, { description: '暂存时间。When it was staged.' })
  stagedAt(@Root() change: ListChange): Date {
    return change.createdAt;
  }

  @FieldResolver(() => Region, { description: '所属县。The county whose lists it changes.' })
  async county(@Root() change: ListChange, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(change.county.id))!;
  }

  @FieldResolver(() => ListItem, {
    nullable: true,
    description: '调整或取消的事项；新增在发布后指向所建事项。The item adjusted or cancelled; for ADD, the item created on publication.',
  })
  item(@Root() change: ListChange, @Ctx() ctx: Context): Promise<ListItem | null> | null {
    return change.item ? ctx.loaders.byId(ListItem).load(change.item.id) : null;
  }

  @FieldResolver(() => ListItem, { nullable: true, description: '新增所依据的省指导清单事项。For ADD: the guidance item it derives from.' })
  templateItem(@Root() change: ListChange, @Ctx() ctx: Context): Promise<ListItem | null> | null {
    return change.templateItem ? ctx.loaders.byId(ListItem).load(change.templateItem.id) : null;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: '暂存人（登录后可见；系统任务暂存时为空）。Who staged it; null for system jobs or anonymous readers.',
  })
  stagedBy(@Root() change: ListChange, @Ctx() ctx: Context): Promise<User | null> | null {
    return change.stagedBy && ctx.actor ? ctx.loaders.byId(User).load(change.stagedBy.id) : null;
  }

  @FieldResolver(() => ListVersion, { nullable: true, description: '使其生效的清单版本。The version that applied it.' })
  publishedIn(@Root() change: ListChange, @Ctx() ctx: Context): Promise<ListVersion | null> | null {
    return change.publishedIn ? ctx.loaders.byId(ListVersion).load(change.publishedIn.id) : null;
  }
}

@Resolver(() => ListItemProposal)
export class ListItemProposalResolver {
  @FieldResolver(() => Department, { nullable: true, description: '拟定的责任部门。Proposed responsible department.' })
  department(@Root() proposal: ListItemProposal, @Ctx() ctx: Context): Promise<Department | null> | null {
    return proposal.departmentId != null ? ctx.loaders.byId(Department).load(proposal.departmentId) : null;
  }
}
