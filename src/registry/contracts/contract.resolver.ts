import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Region } from '../../geography';
import { Community } from '../../geography';
import { Department } from '../../organisation';
import { AdmissionApplication, Evidence } from '../../admission';
import type { Context } from '../../kernel/context';
import { ConnectionType, PageArgs, paginate } from '../../kernel/pagination';
import { ServiceContract, ServiceContractEvaluation } from './service-contract.entity';
import { ServiceContractStatus } from './contract.enums';
import { filterCounty } from '../../geography';
import { filterId } from '../../kernel/input';
import { ContractEvaluationInput, ServiceContractFilter, ServiceContractInput } from './contract.inputs';
import { NoteInput } from '../../kernel/note.input';
import * as service from './contract.service';

export const ServiceContractConnection = ConnectionType(ServiceContract, { zh: '购买服务合同', en: 'service contracts' });

@ObjectType({ description: '购买服务合同审查发现：不得签订的原因。A guard a draft contract fails.' })
export class ContractGuardFinding {
  @Field({ description: '规则代码：NEGATIVE_AS_PURCHASE、ON_ASSISTANCE_LIST、PURCHASE_NEEDS_QUALIFICATION、TARGET_ASSESSMENT、ONE_VOTE_VETO。Rule code.' })
  code!: string;

  @Field({ description: '对应的输入字段。Input field.' })
  field!: string;

  @Field({ description: '说明（中文）。Message in Chinese.' })
  message!: string;

  @Field({ description: '说明（英文）。Message in English.' })
  messageEn!: string;

  @Field(() => [Evidence], { description: '依据。Evidence.' })
  evidence!: Evidence[];
}

@Resolver(() => ServiceContract)
export class ServiceContractResolver {
  @Authorized()
  @Query(() => ServiceContractConnection, { description: '政府购买服务合同，新的在前。Service contracts, newest first.' })
  async serviceContracts(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => ServiceContractFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: ServiceContractFilter,
  ) {
    const where: FilterQuery<ServiceContract>[] = [];
    const county = await filterCounty(ctx.em, filter);
    if (county) where.push({ county });
    const department = filterId(filter?.departmentId, 'Department', 'departmentId');
    if (department) where.push({ department });
    const community = filterId(filter?.communityId, 'Community', 'communityId');
    if (community) where.push({ community });
    if (filter?.status) where.push({ status: filter.status });
    return paginate(ctx.em, ServiceContract, where.length ? { $and: where } : {}, { id: 'desc' }, page, info);
  }

  @Authorized()
  @Query(() => [ContractGuardFinding], {
    description: '预先审查购买服务合同（不保存）：为空表示可以签订。Check a draft contract without saving; empty means it may be signed.',
  })
  checkServiceContract(
    @Ctx() ctx: Context,
    @Arg('input', () => ServiceContractInput, { description: '合同草稿。Draft.' }) input: ServiceContractInput,
  ): Promise<ContractGuardFinding[]> {
    return service.checkServiceContract(ctx, input);
  }

  @Authorized()
  @Mutation(() => ServiceContract, {
    description:
      '签订购买服务合同。负面清单事项变相购买、协助办理清单事项、需要专业资质或执法资格、以目标考核或一票否决评价的，一律不得签订。Sign a service contract; the guards refuse disguised or unlawful purchases.',
  })
  createServiceContract(@Ctx() ctx: Context, @Arg('input', () => ServiceContractInput, { description: '合同。Contract.' }) input: ServiceContractInput) {
    return service.createServiceContract(ctx, input);
  }

  @Authorized()
  @Mutation(() => ServiceContractEvaluation, { description: '满意度评定：逐条对照合同条款，满意度为达到要求的条款占比。Evaluate against the contract terms.' })
  evaluateServiceContract(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '合同。Contract.' }) id: string,
    @Arg('input', () => ContractEvaluationInput, { description: '评定。Evaluation.' }) input: ContractEvaluationInput,
  ) {
    return service.evaluateServiceContract(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => ServiceContract, { description: '合同验收完成或终止。Complete or terminate a contract.' })
  closeServiceContract(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '合同。Contract.' }) id: string,
    @Arg('status', () => ServiceContractStatus, { description: 'COMPLETED 或 TERMINATED。COMPLETED or TERMINATED.' }) status: ServiceContractStatus,
    @Arg('input', () => NoteInput, { description: '说明。Note.' }) input: NoteInput,
  ) {
    return service.closeServiceContract(ctx, id, status, input);
  }

  @FieldResolver(() => Department, { description: '购买方部门。Department.' })
  async department(@Root() c: ServiceContract, @Ctx() ctx: Context): Promise<Department> {
    return (await ctx.loaders.byId(Department).load(c.department.id))!;
  }

  @FieldResolver(() => Community, { description: '承接服务的村（社区）。Community.' })
  async community(@Root() c: ServiceContract, @Ctx() ctx: Context): Promise<Community> {
    return (await ctx.loaders.byId(Community).load(c.community.id))!;
  }

  @FieldResolver(() => Region, { description: '所属县。County.' })
  async county(@Root() c: ServiceContract, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.byId(Region).load(c.county.id))!;
  }

  @FieldResolver(() => AdmissionApplication, { nullable: true, description: '依据的购买服务申请。The purchase-of-service application.' })
  async application(@Root() c: ServiceContract, @Ctx() ctx: Context): Promise<AdmissionApplication | null> {
    return c.application ? ctx.loaders.byId(AdmissionApplication).load(c.application.id) : null;
  }

  @FieldResolver(() => [ServiceContractEvaluation], { description: '满意度评定，按时间先后。Evaluations, oldest first.' })
  evaluations(@Root() c: ServiceContract, @Ctx() ctx: Context): Promise<ServiceContractEvaluation[]> {
    return ctx.loaders.manyBy(ServiceContractEvaluation, 'contract').load(c.id);
  }
}

@Resolver(() => ServiceContractEvaluation)
export class ServiceContractEvaluationResolver {
  @FieldResolver(() => ServiceContract, { description: '合同。Contract.' })
  async contract(@Root() e: ServiceContractEvaluation, @Ctx() ctx: Context): Promise<ServiceContract> {
    return (await ctx.loaders.byId(ServiceContract).load(e.contract.id))!;
  }
}
