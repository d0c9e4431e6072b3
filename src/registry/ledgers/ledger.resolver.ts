import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { AdmissionApplication } from '../../admission';
import { DataElement } from '../../platform';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { fromGlobalId } from '../../kernel/global-id';
import { containsPattern } from '../../kernel/text';
import { badInput } from '../../kernel/errors';
import { LedgerFiling, LedgerRequirement } from './ledger.entity';
import { LedgerCleanupKind } from './ledger.enums';
import { filterCounty } from '../../geography';
import { filterId } from '../../kernel/input';
import { AbolishLedgerInput, LedgerFilingFilter, LedgerFilingInput, LedgerRequirementFilter, LedgerRequirementInput, MergeLedgerInput } from './ledger.inputs';
import * as service from './ledger.service';
import { oneFormEligible } from './ledger-cleanup.rules';
import DataLoader from 'dataloader';

export const LedgerRequirementConnection = ConnectionType(LedgerRequirement, { zh: '台账报表', en: 'ledger requirements' });
export const LedgerFilingConnection = ConnectionType(LedgerFiling, { zh: '台账报表填报记录', en: 'ledger filings' });

@ObjectType({ description: '台账报表清理建议。A ledger clean-up proposal.' })
export class LedgerCleanupProposal {
  @Field(() => LedgerCleanupKind, { description: '建议类别：合并、改电子、取消。Kind.' })
  kind!: LedgerCleanupKind;

  @Field(() => LedgerRequirement, { description: '所涉台账报表。The ledger.' })
  ledger!: LedgerRequirement;

  @Field(() => LedgerRequirement, {
    nullable: true,
    description: '合并时并入的台账报表；改电子时覆盖其字段的电子台账（如有）。Merge target, or the electronic ledger covering it.',
  })
  target!: LedgerRequirement | null;

  @Field({ description: '说明（中文）。Message in Chinese.' })
  message!: string;

  @Field({ description: '说明（英文）。Message in English.' })
  messageEn!: string;
}

@ObjectType({ description: '台账报表负担汇总（每个村（社区）每年）。Ledger burden summary per community and year.' })
export class LedgerSummary {
  @Field(() => Int, { description: '登记的台账报表数。Requirements registered.' })
  requirements!: number;

  @Field(() => Int, { description: '保留数。Kept.' })
  kept!: number;

  @Field(() => Int, { description: '已合并数。Merged.' })
  merged!: number;

  @Field(() => Int, { description: '已取消数。Abolished.' })
  abolished!: number;

  @Field(() => Int, { description: '保留中仍为纸质的数量。Kept and still on paper.' })
  paperKept!: number;

  @Field(() => Int, { description: '保留中已启用一表通的数量。Kept and generated from collected data.' })
  oneFormKept!: number;

  @Field(() => Float, { description: '清理前（全部登记）每个村（社区）每年填报用时（小时）。Hours a year per community, as registered.' })
  hoursPerCommunityRegistered!: number;

  @Field(() => Float, { description: '现在（保留且仍需手工填报）每个村（社区）每年用时（小时）。Hours a year per community now.' })
  hoursPerCommunityNow!: number;

  @Field(() => Float, { description: '减负比例（%）。Reduction in percent.' })
  reductionPercent!: number;

  @Field(() => Int, { description: '填报次数。Filings.' })
  filings!: number;

  @Field(() => Int, { description: '一表通自动生成、免于重复填报的次数。Filings generated instead of typed (saved).' })
  generatedFilings!: number;

  @Field(() => Float, { description: '一表通节省的填报用时（小时）。Hours saved by generated filings.' })
  hoursSaved!: number;
}

@ObjectType({ description: '一个数据元的填报值。A filed value.' })
export class FiledValue {
  @Field({ description: '数据元编码。Data element code.' })
  code!: string;

  @Field(() => String, { nullable: true, description: '值（一表通生成时平台尚无数据则为空）。Value; null when the platform has none yet.' })
  value!: string | null;
}

@Resolver(() => LedgerRequirement)
export class LedgerRequirementResolver {
  @Authorized()
  @Query(() => LedgerRequirementConnection, { description: '台账报表要求（按县、部门、状态、形式、频次等筛选），按编号。Ledger requirements, filtered.' })
  async ledgerRequirements(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => LedgerRequirementFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: LedgerRequirementFilter,
  ) {
    const where: FilterQuery<LedgerRequirement>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const department = filterId(filter?.departmentId, 'Department', 'departmentId');
    if (department) where.push({ department });
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.format) where.push({ format: filter.format });
    if (filter?.frequency) where.push({ frequency: filter.frequency });
    const application = filterId(filter?.applicationId, 'AdmissionApplication', 'applicationId');
    if (application) where.push({ application });
    if (filter?.oneForm != null) where.push({ oneForm: filter.oneForm });
    if (filter?.hasLegalBasis != null) where.push({ [raw((alias) => `jsonb_array_length(${alias}.legal_basis)`)]: filter.hasLegalBasis ? { $gt: 0 } : 0 });
    if (filter?.search?.trim()) where.push({ name: { $ilike: containsPattern(filter.search) } });
    return paginate(ctx.em, LedgerRequirement, where.length ? { $and: where } : {}, { id: 'asc' }, page, info);
  }

  @Authorized()
  @Query(() => LedgerRequirement, { nullable: true, description: '一个台账报表要求。One ledger requirement.' })
  ledgerRequirement(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '全局 ID。Global ID.' }) id: string) {
    return ctx.em.findOne(LedgerRequirement, { id: fromGlobalId(id, 'LedgerRequirement').id });
  }

  @Authorized()
  @Query(() => [LedgerCleanupProposal], {
    description: '台账报表清理审查：字段为子集的建议合并、已有电子渠道的纸质台账、既无依据又未准入的建议取消。The clean-up review of a county’s kept ledgers.',
  })
  async ledgerCleanupReview(
    @Ctx() ctx: Context,
    @Arg('countyId', () => ID, { description: '县。County.' }) countyId: string,
    @Arg('departmentId', () => ID, { nullable: true, description: '只看该部门的台账报表。Only this department’s ledgers.' }) departmentId?: string,
  ): Promise<LedgerCleanupProposal[]> {
    return service.ledgerCleanupReview(
      ctx.em,
      fromGlobalId(countyId, 'Region', 'countyId').id,
      departmentId ? fromGlobalId(departmentId, 'Department', 'departmentId').id : null,
    );
  }

  @Authorized()
  @Query(() => LedgerSummary, {
    description: '台账报表负担汇总：清理前后每个村（社区）每年用时、合并取消数、一表通节省的填报。Ledger burden before and after clean-up.',
  })
  async ledgerSummary(
    @Ctx() ctx: Context,
    @Arg('countyId', () => ID, { description: '县。County.' }) countyId: string,
    @Arg('departmentId', () => ID, { nullable: true, description: '只看该部门。Only this department.' }) departmentId?: string,
  ): Promise<LedgerSummary> {
    return service.ledgerSummary(
      ctx.em,
      fromGlobalId(countyId, 'Region', 'countyId').id,
      departmentId ? fromGlobalId(departmentId, 'Department', 'departmentId').id : null,
    );
  }

  @Authorized()
  @Mutation(() => LedgerRequirement, { description: '登记台账报表要求。Register a ledger requirement.' })
  createLedgerRequirement(@Ctx() ctx: Context, @Arg('input', () => LedgerRequirementInput, { description: '内容。Content.' }) input: LedgerRequirementInput) {
    return service.createLedgerRequirement(ctx, input);
  }

  @Authorized()
  @Mutation(() => LedgerRequirement, { description: '修改保留中的台账报表要求。Change a kept ledger requirement.' })
  updateLedgerRequirement(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '台账报表。Ledger.' }) id: string,
    @Arg('input', () => LedgerRequirementInput, { description: '内容。Content.' }) input: LedgerRequirementInput,
  ) {
    return service.updateLedgerRequirement(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => LedgerRequirement, { description: '将台账报表并入另一台账报表（宜并则并）。Merge a ledger into another.' })
  mergeLedgerRequirement(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '被合并的台账报表。Ledger merged away.' }) id: string,
    @Arg('input', () => MergeLedgerInput, { description: '并入对象与原因。Target and reason.' }) input: MergeLedgerInput,
  ) {
    return service.mergeLedgerRequirement(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => LedgerRequirement, { description: '取消台账报表。Abolish a ledger.' })
  abolishLedgerRequirement(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '台账报表。Ledger.' }) id: string,
    @Arg('input', () => AbolishLedgerInput, { description: '原因。Reason.' }) input: AbolishLedgerInput,
  ) {
    return service.abolishLedgerRequirement(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => LedgerRequirement, { description: '启用或停用一表通：字段均已在平台采集时，填报由已有数据生成。Turn 一表通 on or off.' })
  setLedgerOneForm(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '台账报表。Ledger.' }) id: string,
    @Arg('enabled', { description: '启用或停用。On or off.' }) enabled: boolean,
  ) {
    return service.setLedgerOneForm(ctx, id, enabled);
  }

  @FieldResolver(() => Department, { description: '要求填报的部门。Department.' })
  async department(@Root() l: LedgerRequirement, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loaders.byId(Department).load(l.department.id))!;
  }

  @FieldResolver(() => Region, { description: '所属县。County.' })
  async county(@Root() l: LedgerRequirement, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(l.county.id))!;
  }

  @FieldResolver(() => AdmissionApplication, { nullable: true, description: '引入该台账的准入申请。The application that introduced it.' })
  async application(@Root() l: LedgerRequirement, @Ctx() ctx: Context): Promise<AdmissionApplication | null> {
    return l.application ? ctx.loaders.byId(AdmissionApplication).load(l.application.id) : null;
  }

  @FieldResolver(() => LedgerRequirement, { nullable: true, description: '已并入的台账报表。The ledger it was merged into.' })
  async mergedInto(@Root() l: LedgerRequirement, @Ctx() ctx: Context): Promise<LedgerRequirement | null> {
    return l.mergedInto ? ctx.loaders.byId(LedgerRequirement).load(l.mergedInto.id) : null;
  }

  @FieldResolver(() => [DataElement], { description: '字段对应的数据元。The data elements of its fields.' })
  async dataElements(@Root() l: LedgerRequirement, @Ctx() ctx: Context): Promise<DataElement[]> {
    const all = await this.elements(ctx).loadMany(l.dataElementCodes);
    return all.filter((e): e is DataElement => e instanceof DataElement);
  }

  @FieldResolver(() => Boolean, { description: '是否可由已有数据生成（字段均已在平台采集）。Whether 一表通 is possible.' })
  async oneFormEligible(@Root() l: LedgerRequirement, @Ctx() ctx: Context): Promise<boolean> {
    const all = await this.elements(ctx).loadMany(l.dataElementCodes);
    const elements = all
      .filter((e): e is DataElement => e instanceof DataElement)
      .map((e) => ({ code: e.code, collectedOnPlatform: e.collectedOnPlatform, sourceSystem: e.sourceSystem ?? null }));
    return oneFormEligible(l, elements);
  }

  @FieldResolver(() => Float, { description: '每个村（社区）每年填报用时（小时，标准成本法）。Hours a year per community.' })
  hoursPerCommunityPerYear(@Root() l: LedgerRequirement): number {
    return Math.round(service.hoursPerCommunity(l) * 10) / 10;
  }

  @FieldResolver(() => Int, { description: '填报次数。Filings made.' })
  filingCount(@Root() l: LedgerRequirement, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders
      .countBySql(
        'ledgerFilings',
        (k) => `select requirement_id as key, count(*) as n from ledger_filing where requirement_id in (${k}) group by requirement_id`,
      )
      .load(l.id);
  }

  @FieldResolver(() => Int, { description: '一表通自动生成的填报次数（免于重复填报）。Filings generated from collected data.' })
  generatedFilingCount(@Root() l: LedgerRequirement, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders
      .countBySql(
        'ledgerGeneratedFilings',
        (k) => `select requirement_id as key, count(*) as n from ledger_filing where method = 'GENERATED' and requirement_id in (${k}) group by requirement_id`,
      )
      .load(l.id);
  }

  private elements(ctx: Context): DataLoader<string, DataElement | null> {
    return ctx.loaders.custom(
      'dataElementByCode',
      () =>
        new DataLoader<string, DataElement | null>(async (codes) => {
          const rows = await ctx.em.find(DataElement, { code: { $in: [...codes] } });
          return codes.map((c) => rows.find((r) => r.code === c) ?? null);
        }),
    );
  }
}

@Resolver(() => LedgerFiling)
export class LedgerFilingResolver {
  @Authorized()
  @Query(() => LedgerFilingConnection, { description: '台账报表填报记录（村社区工作者只看本村社区），新的在前。Ledger filings, newest first.' })
  async ledgerFilings(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => LedgerFilingFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: LedgerFilingFilter,
  ) {
    const where: FilterQuery<LedgerFiling>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const requirement = filterId(filter?.requirementId, 'LedgerRequirement', 'requirementId');
    if (requirement) where.push({ requirement });
    const community = filterId(filter?.communityId, 'Community', 'communityId');
    if (community) where.push({ community });
    if (filter?.method) where.push({ method: filter.method });
    if (filter?.period) where.push({ period: filter.period });
    return paginate(ctx.em, LedgerFiling, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }

  @Authorized()
  @Mutation(() => LedgerFiling, { description: '村（社区）填报台账报表；启用一表通的由已采集数据自动生成。File a ledger (generated when 一表通 is on).' })
  fileLedger(@Ctx() ctx: Context, @Arg('input', () => LedgerFilingInput, { description: '填报内容。Filing.' }) input: LedgerFilingInput) {
    if (!input.period.trim()) throw badInput('请填写所属期', 'Give the period', [{ field: 'period', message: '必填', messageEn: 'required' }]);
    return service.fileLedger(ctx, input);
  }

  @FieldResolver(() => LedgerRequirement, { description: '台账报表。Ledger requirement.' })
  async requirement(@Root() f: LedgerFiling, @Ctx() ctx: Context): Promise<LedgerRequirement> {
    return (await ctx.loaders.byId(LedgerRequirement).load(f.requirement.id))!;
  }

  @FieldResolver(() => Community, { description: '填报的村（社区）。Community.' })
  async community(@Root() f: LedgerFiling, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(f.community.id))!;
  }

  @FieldResolver(() => [FiledValue], { description: '填报的值。Values filed.' })
  values(@Root() f: LedgerFiling): FiledValue[] {
    return Object.entries(f.values).map(([code, value]) => ({ code, value }));
  }
}
