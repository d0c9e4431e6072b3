import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { defineEnum } from '../../kernel/enums';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { AdmissionApplication, BlockedVersion, Finding } from '../entity/application.entity';
import { FindingReview, FindingReviewKind } from '../entity/finding-review.entity';
import { FindingSeverity } from '../enums';
import { FindingCode, FINDING_CODES, labelOf } from '../rules/codes';
import { RULES } from '../rules';
import * as service from '../service/finding-review.service';
import { textDiff } from '../analysis/diff';
import { ListItem } from '../../catalogue';
import { ListChange } from '../../catalogue';
import { User } from '../../auth';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { getRegion } from '../../geography';

export const FindingReviewConnection = ConnectionType(FindingReview, { zh: '审查发现复核', en: 'finding reviews' });

@InputType({ description: '复核一项审查发现：撤销误判或认定漏判。A reviewer’s decision on a finding.' })
export class FindingReviewInput {
  @Field(() => ID, { description: '申请。Application.' })
  applicationId!: string;

  @Field(() => FindingReviewKind, { description: '复核结论：误判撤销或漏判认定。Override a false block, or report a miss.' })
  kind!: FindingReviewKind;

  @Field(() => FindingCode, { description: '所涉发现代码（误判：申请当前的阻断发现；漏判：NEGATIVE_LIST）。Finding code.' })
  findingCode!: FindingCode;

  @Field(() => ID, { nullable: true, description: '所涉负面清单事项（漏判必填；误判默认取该发现的第一个事项）。Negative item concerned.' })
  @IsOptional()
  listItemId?: string | null;

  @Field({ description: '复核理由。Reason.' })
  @MinLength(4)
  @MaxLength(service.LIMITS.reason)
  reason!: string;

  @Field(() => String, { nullable: true, description: '申请中所涉的句子（加入例句时使用；默认取匹配的句子）。Excerpt; by default the matching sentences.' })
  @IsOptional()
  @MaxLength(service.LIMITS.excerpt)
  excerpt?: string | null;
}

@InputType({ description: '把复核加入本县例句。Add a decision to the county’s examples.' })
export class FindingReviewExampleInput {
  @Field(() => String, { nullable: true, description: '加入的例句（默认取复核摘录）。The sentence to add; by default the excerpt.' })
  @IsOptional()
  @MaxLength(service.LIMITS.excerpt)
  excerpt?: string | null;

  @Field(() => String, { nullable: true, description: '同时加入的触发词（仅漏判）。A trigger phrase to add too (misses only).' })
  @IsOptional()
  @MaxLength(service.LIMITS.phrase)
  triggerPhrase?: string | null;
}

@InputType({ description: '审查发现复核筛选条件。Finding review filter.' })
export class FindingReviewFilter {
  @Field(() => ID, { nullable: true, description: '县的全局 ID。County.' })
  @IsOptional()
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: '县的区划代码。County code.' })
  @IsOptional()
  @MaxLength(12)
  countyCode?: string | null;

  @Field(() => ID, { nullable: true, description: '申请。Application.' })
  @IsOptional()
  applicationId?: string | null;

  @Field(() => FindingReviewKind, { nullable: true, description: '复核结论。Decision.' })
  @IsOptional()
  kind?: FindingReviewKind | null;

  @Field(() => Boolean, { nullable: true, description: '是否已加入例句。Added to the examples or not.' })
  @IsOptional()
  addedToExamples?: boolean | null;
}

@Resolver(() => FindingReview)
export class FindingReviewResolver {
  @Authorized()
  @Query(() => FindingReviewConnection, { description: '审查发现复核记录，新的在前。Reviewers’ decisions on findings, newest first.' })
  async findingReviews(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => FindingReviewFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: FindingReviewFilter,
  ) {
    const where: FilterQuery<FindingReview>[] = [];
    if (filter?.countyId || filter?.countyCode)
      where.push({ county: (await getRegion(ctx.em, { id: filter.countyId, code: filter.countyCode }, 'filter.county')).id });
    if (filter?.applicationId) where.push({ application: fromGlobalId(filter.applicationId, 'AdmissionApplication', 'filter.applicationId').id });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.addedToExamples != null) where.push({ exampleChange: filter.addedToExamples ? { $ne: null } : null });
    return paginate(ctx.em, FindingReview, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }

  @Authorized()
  @Mutation(() => FindingReview, {
    description:
      '复核审查发现（本县审核人员）：撤销误判的阻断发现（申请文字不变时有效），或认定漏判的负面清单事项；申请的审查发现随即更新。Record a decision on a finding.',
  })
  recordFindingReview(
    @Ctx() ctx: Context,
    @Arg('input', () => FindingReviewInput, { description: '复核。Decision.' }) input: FindingReviewInput,
  ): Promise<FindingReview> {
    return service.recordFindingReview(ctx, input);
  }

  @Authorized()
  @Mutation(() => FindingReview, {
    description: '把复核加入本县负面清单例句（误判作为可准入例句，漏判作为例句），随下一版清单发布生效。Add a decision to the county’s examples.',
  })
  addFindingReviewToExamples(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '复核记录。The decision.' }) id: string,
    @Arg('input', () => FindingReviewExampleInput, { nullable: true, description: '例句与触发词。Sentence and trigger phrase.' })
    input?: FindingReviewExampleInput | null,
  ): Promise<FindingReview> {
    return service.addFindingReviewToExamples(ctx, id, input ?? {});
  }

  @FieldResolver(() => AdmissionApplication, { nullable: true, description: '所涉申请。Application.' })
  application(@Root() r: FindingReview, @Ctx() ctx: Context): Promise<AdmissionApplication | null> {
    return ctx.loaders
      .byId(AdmissionApplication)
      .load(r.application.id)
      .then((a) => a ?? null);
  }

  @FieldResolver(() => ListItem, { nullable: true, description: '所涉负面清单事项。Negative item.' })
  listItem(@Root() r: FindingReview, @Ctx() ctx: Context): Promise<ListItem | null> | null {
    return r.listItem
      ? ctx.loaders
          .byId(ListItem)
          .load(r.listItem.id)
          .then((i) => i ?? null)
      : null;
  }

  @FieldResolver(() => User, { nullable: true, description: '审核人员（不在可见范围时为空）。Reviewer; null where people are not yours to see.' })
  async reviewer(@Root() r: FindingReview, @Ctx() ctx: Context): Promise<User | null> {
    return (await ctx.loaders.byId(User).load(r.reviewer.id)) ?? null;
  }

  @FieldResolver(() => ListChange, { nullable: true, description: '加入例句的清单变更（已加入时）。The list change that added it to the examples.' })
  exampleChange(@Root() r: FindingReview, @Ctx() ctx: Context): Promise<ListChange | null> | null {
    return r.exampleChange
      ? ctx.loaders
          .byId(ListChange)
          .load(r.exampleChange.id)
          .then((c) => c ?? null)
      : null;
  }

  @FieldResolver(() => String, { description: '发现名称（中文）。Label of the finding code.' })
  findingLabel(@Root() r: FindingReview): string {
    return labelOf(r.findingCode).zh;
  }
}

@Resolver(() => Finding)
export class FindingResolver {
  @FieldResolver(() => String, { description: '发现名称（中文）。Label in Chinese.' })
  label(@Root() f: Finding): string {
    return labelOf(f.code).zh;
  }

  @FieldResolver(() => String, { description: '发现名称（英文）。Label in English.' })
  labelEn(@Root() f: Finding): string {
    return labelOf(f.code).en;
  }
}

export enum DiffOp {
  EQUAL = 'EQUAL',
  DELETE = 'DELETE',
  INSERT = 'INSERT',
}
defineEnum(DiffOp, 'DiffOp', '文字改动。Kind of text change.', {
  EQUAL: ['未改动', 'Unchanged'],
  DELETE: ['删去', 'Removed'],
  INSERT: ['新增', 'Added'],
});

@ObjectType({ description: '一段文字改动。A segment of a text diff.' })
export class DiffSegment {
  @Field(() => DiffOp, { description: '改动类别。Kind.' })
  op!: DiffOp;

  @Field({ description: '文字。Text.' })
  text!: string;
}

@ObjectType({ description: '被阻断后的一次改写：当时的文字与阻断发现，以及与其后文字的对比。A rewording after a block.' })
export class Rewording {
  @Field(() => BlockedVersion, { description: '被阻断时的文字和发现。The text and findings when blocked.' })
  blocked!: BlockedVersion;

  @Field(() => [DiffSegment], { description: '事项名称的改动（被阻断时 → 其后）。Title changes.' })
  titleDiff!: DiffSegment[];

  @Field(() => [DiffSegment], { description: '事项内容的改动。Description changes.' })
  descriptionDiff!: DiffSegment[];

  @Field(() => [DiffSegment], { description: '考核评价方式的改动。Evaluation changes.' })
  evaluationDiff!: DiffSegment[];
}

@ObjectType({ description: '一条审查规则。A rule of the admission engine.' })
export class RuleInfo {
  @Field(() => FindingCode, { description: '发现代码。Code.' })
  code!: FindingCode;

  @Field(() => FindingSeverity, { description: '严重程度。Severity.' })
  severity!: FindingSeverity;

  @Field({ description: '名称（中文）。Label in Chinese.' })
  label!: string;

  @Field({ description: '名称（英文）。Label in English.' })
  labelEn!: string;

  @Field({ description: '审查什么。What it checks.' })
  description!: string;
}

@Resolver(() => AdmissionApplication)
export class ApplicationReviewFieldsResolver {
  @Authorized()
  @Query(() => [RuleInfo], {
    description: '规则审查可能给出的全部发现代码及其名称、严重程度和说明。Every finding code with its label, severity and description.',
  })
  admissionRules(): RuleInfo[] {
    const described = new Map(RULES.map((r) => [r.code, r.description]));
    return Object.values(FindingCode).map((code) => ({
      code,
      severity: FINDING_CODES[code].severity as FindingSeverity,
      label: FINDING_CODES[code].zh,
      labelEn: FINDING_CODES[code].en,
      description: described.get(code) ?? FINDING_CODES[code].zh,
    }));
  }

  @FieldResolver(() => [FindingReview], { description: '审核人员对本申请审查发现的复核。Reviewers’ decisions on this application’s findings.' })
  findingReviews(@Root() app: AdmissionApplication, @Ctx() ctx: Context): Promise<FindingReview[]> {
    return ctx.loaders.manyBy(FindingReview, 'application').load(app.id);
  }

  @FieldResolver(() => [Rewording], {
    description:
      '被阻断后的改写：每次被阻断时的文字和阻断发现，与其后文字的逐词对比（最近的在后）。Rewordings after a block, each with the word-level diff to the text that replaced it.',
  })
  rewordings(@Root() app: AdmissionApplication): Rewording[] {
    const versions = app.blockedVersions ?? [];
    return versions.map((blocked, i) => {
      const next = versions[i + 1] ?? { title: app.title, description: app.description, evaluation: app.evaluation ?? null };
      return {
        blocked,
        titleDiff: textDiff(blocked.title, next.title) as DiffSegment[],
        descriptionDiff: textDiff(blocked.description, next.description) as DiffSegment[],
        evaluationDiff: textDiff(blocked.evaluation ?? '', next.evaluation ?? '') as DiffSegment[],
      };
    });
  }
}
