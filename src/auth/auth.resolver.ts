import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsNotEmpty, Max, MaxLength, Min } from 'class-validator';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { Role, ROLE_LABELS } from './role';
import { Region } from '../geography/region.entity';
import { Community } from '../geography/community.entity';
import { Department } from '../organisation/department.entity';
import { requireActor, type Context } from '../kernel/context';
import { fromGlobalId } from '../kernel/global-id';
import { badInput, notFound } from '../kernel/errors';
import { generateApiToken, hashApiToken } from './credentials';
import type { AuthService } from './auth.service';
import { recordAudit } from '../audit/audit.service';

@InputType({ description: '登录。Sign-in credentials.' })
export class SignInInput {
  @Field({ description: '登录名。Username.' })
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @Field({ description: '密码。Password.' })
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;
}

@ObjectType({ description: '登录结果。Sign-in result.' })
export class SignInPayload {
  @Field({ description: '访问令牌（JWT），放在请求头 Authorization: Bearer <令牌>。Bearer token (JWT).' })
  token!: string;

  @Field({ description: '令牌过期时间。When the token expires.' })
  expiresAt!: Date;

  @Field(() => User, { description: '登录的用户。The signed-in user.' })
  user!: User;
}

@InputType({ description: '为服务账号签发 API 令牌。Issue an API token to a service account.' })
export class CreateApiTokenInput {
  @Field(() => ID, { description: '服务账号（INTEGRATION 角色）的全局 ID。The service account.' })
  userId!: string;

  @Field({ description: '用途说明。What the token is for.' })
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field(() => Int, { nullable: true, description: '有效天数；为空表示不过期。Days until expiry; none when null.' })
  @Min(1)
  @Max(3650)
  expiresInDays?: number | null;
}

@ObjectType({ description: '新签发的 API 令牌：令牌原文只在此返回一次。A new API token; its text is shown only here.' })
export class CreateApiTokenPayload {
  @Field({ description: '令牌原文，请妥善保存。The token itself; store it safely.' })
  token!: string;

  @Field(() => ApiToken, { description: '令牌记录。The token record.' })
  apiToken!: ApiToken;
}

/** What the audit trail keeps of a token: never the token or its hash. */
function tokenSummary(t: ApiToken) {
  return { userId: t.user.id, name: t.name, prefix: t.prefix, expiresAt: t.expiresAt ?? null, revokedAt: t.revokedAt ?? null };
}

/** The service that signs and checks tokens, given to the resolver by the schema builder. */
export interface AuthResolverDeps {
  auth: AuthService;
}

export function createAuthResolver(deps: AuthResolverDeps) {
  @Resolver(() => User)
  class AuthResolver {
    @Mutation(() => SignInPayload, { description: '用户名和密码登录，返回访问令牌。Sign in with username and password.' })
    async signIn(@Ctx() ctx: Context, @Arg('input', () => SignInInput, { description: '登录信息。Credentials.' }) input: SignInInput): Promise<SignInPayload> {
      return deps.auth.signIn(ctx.em, input.username, input.password);
    }

    @Query(() => User, { description: '当前登录的用户或服务账号。The signed-in user.' })
    async me(@Ctx() ctx: Context): Promise<User> {
      const actor = requireActor(ctx);
      const user = await ctx.loaders.byId(User).load(actor.userId);
      if (!user) throw notFound('当前用户', 'Current user');
      return user;
    }

    @Authorized(Role.ADMIN)
    @Mutation(() => CreateApiTokenPayload, { description: '为服务账号签发 API 令牌（仅管理员）。Issue an API token to a service account (admins).' })
    async createApiToken(
      @Ctx() ctx: Context,
      @Arg('input', () => CreateApiTokenInput, { description: '令牌信息。Token details.' }) input: CreateApiTokenInput,
    ): Promise<CreateApiTokenPayload> {
      const user = await ctx.em.findOne(User, { id: fromGlobalId(input.userId, 'User', 'input.userId').id });
      if (!user) throw notFound('该用户', 'User');
      if (user.role !== Role.INTEGRATION) {
        throw badInput('只能为服务账号（INTEGRATION 角色）签发 API 令牌', 'API tokens are for service accounts (INTEGRATION) only', [
          { field: 'input.userId', message: '该用户不是服务账号', messageEn: 'not a service account' },
        ]);
      }
      const token = generateApiToken();
      const apiToken = ctx.em.create(ApiToken, {
        user,
        name: input.name.trim(),
        prefix: token.slice(0, 12),
        tokenHash: hashApiToken(token),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      });
      await ctx.em.flush();
      recordAudit(ctx.em, ctx, { action: 'apiToken.create', entity: apiToken, after: tokenSummary(apiToken) });
      await ctx.em.flush();
      return { token, apiToken };
    }

    @Authorized(Role.ADMIN)
    @Mutation(() => ApiToken, { description: '吊销 API 令牌（仅管理员）。Revoke an API token (admins).' })
    async revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '令牌的全局 ID。Token global ID.' }) id: string): Promise<ApiToken> {
      const token = await ctx.em.findOne(ApiToken, { id: fromGlobalId(id, 'ApiToken').id });
      if (!token) throw notFound('该令牌', 'API token');
      if (!token.revokedAt) {
        const before = tokenSummary(token);
        token.revokedAt = new Date();
        recordAudit(ctx.em, ctx, { action: 'apiToken.revoke', entity: token, before, after: tokenSummary(token) });
        await ctx.em.flush();
      }
      return token;
    }

    @FieldResolver(() => String, { description: '角色名称（中文）。Role label in Chinese.' })
    roleLabel(@Root() user: User): string {
      return ROLE_LABELS[user.role].zh;
    }

    @FieldResolver(() => Region, { nullable: true, description: '辖区（县、乡镇或分析范围）。Jurisdiction region.' })
    region(@Root() user: User, @Ctx() ctx: Context): Promise<Region | null> | null {
      return user.region ? ctx.loaders.byId(Region).load(user.region.id) : null;
    }

    @FieldResolver(() => Department, { nullable: true, description: '所属部门（部门经办人员）。Department, for department users.' })
    department(@Root() user: User, @Ctx() ctx: Context): Promise<Department | null> | null {
      return user.department ? ctx.loaders.byId(Department).load(user.department.id) : null;
    }

    @FieldResolver(() => Community, { nullable: true, description: '所属村（社区）（社区工作者）。Community, for community workers.' })
    community(@Root() user: User, @Ctx() ctx: Context): Promise<Community | null> | null {
      return user.community ? ctx.loaders.byId(Community).load(user.community.id) : null;
    }
  }
  return AuthResolver;
}
