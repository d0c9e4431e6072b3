/**
 * Accounts: the list of users (each reader sees the users READ_RULES lets it see), and an
 * administrator creating accounts bound to their jurisdiction and turning them off and on.
 */
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Info, Mutation, Query, Resolver } from 'type-graphql';
import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { User } from './user.entity';
import { Role } from '../kernel/roles';
import { ROLE_BINDING } from './role';
import { checkPassword } from './password-policy';
import { hashPassword } from './credentials';
import type { AuthService } from './auth.service';
import { Region, RegionLevel } from '../geography';
import { Community } from '../geography';
import { Department } from '../organisation';
import { requireActor, type Context } from '../kernel/context';
import { fromGlobalId } from '../kernel/global-id';
import { badInput, conflict, notFound, type FieldProblem } from '../kernel/errors';
import { ConnectionType, PageArgs, paginate } from '../kernel/pagination';
import { containsPattern } from '../kernel/text';
import { audit } from '../kernel/mutation';
import { labelOf } from '../kernel/enums';

export const UserConnection = ConnectionType(User, { zh: '用户', en: 'users' });

@InputType({ description: '用户筛选条件。User filter.' })
export class UserFilter {
  @Field(() => Role, { nullable: true, description: '角色。Role.' })
  @IsOptional()
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: '是否启用。Active or not.' })
  @IsOptional()
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: '按登录名或显示名称搜索。Search by username or display name.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

@InputType({ description: '新建账号（管理员）：角色决定须绑定的辖区。A new account; its role decides which jurisdiction it is bound to.' })
export class CreateUserInput {
  @Field({ description: '登录名：3–64 位小写字母、数字、下划线、点或连字符。Username.' })
  @Matches(/^[a-z0-9_.-]{3,64}$/, { message: 'username: 3–64 of a-z 0-9 _ . -' })
  username!: string;

  @Field({ description: '显示名称。Display name.' })
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @Field(() => Role, { description: '角色。Role.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: '辖区（审核人员、议事秘书、督查人员：县；乡镇工作人员：乡镇；分析人员：任一级）。Jurisdiction region.' })
  @IsOptional()
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: '所属部门（部门经办人员）。Department, for department users.' })
  @IsOptional()
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: '所属村（社区）（社区工作者）。Community, for community workers.' })
  @IsOptional()
  communityId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '初始密码（须符合密码规则）；服务账号不设密码，使用 API 令牌。Initial password; none for service accounts.',
  })
  @IsOptional()
  @MaxLength(256)
  password?: string | null;
}

const BINDING_LABELS: Record<string, string> = { region: '辖区', department: '部门', community: '村（社区）' };

const REGION_LEVELS: Partial<Record<Role, RegionLevel[]>> = {
  [Role.REVIEWER]: [RegionLevel.COUNTY],
  [Role.COMMITTEE_SECRETARY]: [RegionLevel.COUNTY],
  [Role.INSPECTOR]: [RegionLevel.COUNTY],
  [Role.TOWNSHIP_USER]: [RegionLevel.TOWNSHIP],
  [Role.ANALYST]: [RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWNSHIP],
};

/** A user of `role` bound as ROLE_BINDING says; everything checked, all problems at once, then one transaction. */
export async function createUser(ctx: Context, input: CreateUserInput, passwordPolicy: AuthService['policy']['password']): Promise<User> {
  const problems: FieldProblem[] = [];
  const binding = ROLE_BINDING[input.role];
  const given = { region: input.regionId, department: input.departmentId, community: input.communityId };
  for (const [kind, value] of Object.entries(given)) {
    if (kind === binding && !value)
      problems.push({
        field: `${kind}Id`,
        message: `${labelOf(Role, input.role).zh}须绑定${BINDING_LABELS[kind]}`,
        messageEn: `a ${input.role} is bound to a ${kind}`,
      });
    if (kind !== binding && value)
      problems.push({ field: `${kind}Id`, message: `${labelOf(Role, input.role).zh}不绑定此项`, messageEn: `a ${input.role} is not bound to a ${kind}` });
  }
  let region: Region | null = null;
  let department: Department | null = null;
  let community: Community | null = null;
  if (binding === 'region' && input.regionId) {
    region = await ctx.em.findOne(Region, { id: fromGlobalId(input.regionId, 'Region', 'regionId').id });
    if (!region) problems.push({ field: 'regionId', message: '行政区划不存在', messageEn: 'no such region' });
    else if (!REGION_LEVELS[input.role]!.includes(region.level))
      problems.push({
        field: 'regionId',
        message: `${labelOf(Role, input.role).zh}的辖区不能是${region.name}（层级不符）`,
        messageEn: `wrong level for a ${input.role}`,
      });
  }
  if (binding === 'department' && input.departmentId) {
    department = await ctx.em.findOne(Department, { id: fromGlobalId(input.departmentId, 'Department', 'departmentId').id });
    if (!department) problems.push({ field: 'departmentId', message: '部门不存在', messageEn: 'no such department' });
  }
  if (binding === 'community' && input.communityId) {
    community = await ctx.em.findOne(Community, { id: fromGlobalId(input.communityId, 'Community', 'communityId').id });
    if (!community) problems.push({ field: 'communityId', message: '村（社区）不存在', messageEn: 'no such community' });
  }
  if (input.role === Role.INTEGRATION) {
    if (input.password)
      problems.push({ field: 'password', message: '服务账号不设密码，请签发 API 令牌', messageEn: 'service accounts sign in with API tokens only' });
  } else if (!input.password) {
    problems.push({ field: 'password', message: '须设置初始密码', messageEn: 'an initial password is required' });
  } else {
    problems.push(...checkPassword(input.password, input.username, passwordPolicy, 'password'));
  }
  if (problems.length) throw badInput('账号信息有误', 'The account is not valid', problems);
  return ctx.em.transactional(async (em) => {
    if (await em.count(User, { username: input.username }, { filters: false }))
      throw conflict(`登录名 ${input.username} 已被使用`, `Username ${input.username} is taken`);
    const user = em.create(User, {
      username: input.username,
      displayName: input.displayName.trim(),
      role: input.role,
      region,
      department,
      community,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      passwordChangedAt: input.password ? new Date() : null,
    });
    await em.flush();
    await audit(em, ctx, {
      action: 'user.create',
      entity: user,
      after: {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        regionId: region?.id ?? null,
        departmentId: department?.id ?? null,
        communityId: community?.id ?? null,
      },
    });
    await em.flush();
    return user;
  });
}

export interface UserAdminDeps {
  auth: AuthService;
}

export function createUserAdminResolver(deps: UserAdminDeps) {
  @Resolver(() => User)
  class UserAdminResolver {
    @Authorized()
    @Query(() => UserConnection, {
      description: '用户列表，按登录名排序：管理员看到全部，县内人员看到本县账号，统计分析人员只看到自己。Users by username, as far as you may see them.',
    })
    async users(
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
      @Args() page: PageArgs,
      @Arg('filter', () => UserFilter, { nullable: true, description: '筛选条件。Filter.' }) filter?: UserFilter,
    ) {
      const where: FilterQuery<User>[] = [];
      if (filter?.role) where.push({ role: filter.role });
      if (filter?.active != null) where.push({ active: filter.active });
      if (filter?.search?.trim())
        where.push({ $or: [{ username: { $ilike: containsPattern(filter.search) } }, { displayName: { $ilike: containsPattern(filter.search) } }] });
      return paginate(ctx.em, User, where.length ? { $and: where } : {}, { username: 'asc' }, page, info);
    }

    @Authorized()
    @Mutation(() => User, { description: '新建账号（仅管理员）：按角色绑定辖区、部门或村（社区）。Create an account (admins).' })
    async createUser(
      @Ctx() ctx: Context,
      @Arg('input', () => CreateUserInput, { description: '账号信息。The account.' }) input: CreateUserInput,
    ): Promise<User> {
      requireActor(ctx);
      return createUser(ctx, input, deps.auth.policy.password);
    }

    @Authorized()
    @Mutation(() => User, {
      description:
        '停用或启用账号（仅管理员）：停用后其登录令牌和 API 令牌立即失效。Disable or enable an account (admins); disabling ends its sessions at once.',
    })
    async setUserActive(
      @Ctx() ctx: Context,
      @Arg('userId', () => ID, { description: '用户的全局 ID。The user.' }) userId: string,
      @Arg('active', { description: '是否启用。Active.' }) active: boolean,
      @Arg('reason', () => String, { description: '原因。Reason.' }) reason: string,
    ): Promise<User> {
      const actor = requireActor(ctx);
      const { id } = fromGlobalId(userId, 'User', 'userId');
      if (reason.trim().length < 2 || reason.length > 500)
        throw badInput('请说明原因（2–500 字）', 'Give a reason (2–500 characters)', [{ field: 'reason', message: '2–500 字', messageEn: '2–500 characters' }]);
      if (id === actor.userId && !active)
        throw badInput('不能停用自己的账号', 'You cannot disable your own account', [{ field: 'userId', message: '本人账号', messageEn: 'your own account' }]);
      return ctx.em.transactional(async (em) => {
        const user = await em.findOne(User, { id });
        if (!user) throw notFound('该用户', 'User');
        const before = { active: user.active };
        user.active = active;
        // Ends every sign-in token at once (API tokens are refused for an inactive user as they are checked).
        if (!active) user.tokenVersion = (user.tokenVersion ?? 0) + 1;
        await audit(em, ctx, { action: active ? 'user.enable' : 'user.disable', entity: user, before, after: { active }, comment: reason.trim() });
        await em.flush();
        return user;
      });
    }
  }
  return UserAdminResolver;
}
