import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsNotEmpty, Max, MaxLength, Min } from 'class-validator';
import { LockMode } from '@mikro-orm/core';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { Role } from '../kernel/roles';
import { Region } from '../geography';
import { Community } from '../geography';
import { Department } from '../organisation';
import { requireActor, type Context } from '../kernel/context';
import { fromGlobalId } from '../kernel/global-id';
import { badInput, conflict, forbidden, notFound } from '../kernel/errors';
import { generateApiToken, hashApiToken } from './credentials';
import type { AuthService } from './auth.service';
import { audit } from '../kernel/mutation';
import { labelOf } from '../kernel/enums';

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

@InputType({ description: '修改本人密码。Change your own password.' })
export class ChangePasswordInput {
  @Field({ description: '当前密码。Current password.' })
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword!: string;

  @Field({ description: '新密码：至少 10 个字符，含小写字母、大写字母、数字、符号中的至少三类，不含登录名。New password (see the password policy).' })
  @IsNotEmpty()
  @MaxLength(256)
  newPassword!: string;
}

@InputType({ description: "管理员重置用户密码。An administrator sets a user's password." })
export class ResetPasswordInput {
  @Field(() => ID, { description: '用户的全局 ID。The user.' })
  userId!: string;

  @Field({ description: '新密码（须符合密码规则）。New password (the policy applies).' })
  @IsNotEmpty()
  @MaxLength(256)
  newPassword!: string;
}

@InputType({ description: '登录第二步：动态口令或恢复码。Second sign-in step: a one-time code or a recovery code.' })
export class SignInSecondFactorInput {
  @Field({ description: 'signIn 返回的登录验证（extensions.challenge，5 分钟内有效，只能使用一次）。The challenge signIn returned (5 minutes, one use).' })
  @IsNotEmpty()
  @MaxLength(2000)
  challenge!: string;

  @Field({ description: '动态口令应用显示的 6 位数字，或一个恢复码（如 K7QM-3XRT-9PDA）。The 6-digit code of the authenticator app, or a recovery code.' })
  @IsNotEmpty()
  @MaxLength(64)
  code!: string;
}

@InputType({ description: '确认绑定动态口令。Confirm a TOTP enrolment.' })
export class ConfirmTotpEnrolmentInput {
  @Field({ description: '动态口令应用显示的 6 位数字。The 6-digit code the app shows.' })
  @IsNotEmpty()
  @MaxLength(16)
  code!: string;

  @Field(() => String, {
    nullable: true,
    description: '登录时须先绑定的，填 signIn 返回的登录验证；已登录时不填。The enrolment challenge from signIn, when not signed in.',
  })
  @MaxLength(2000)
  challenge?: string | null;
}

@ObjectType({
  description:
    '待确认的动态口令绑定：用动态口令应用扫描二维码或输入密钥。A TOTP enrolment to confirm: scan the QR code or type the secret into an authenticator app.',
})
export class TotpEnrolment {
  @Field({ description: '密钥（Base32），只在此显示一次。The secret (base32), shown only here.' })
  secret!: string;

  @Field({ description: 'otpauth:// 链接（RFC 6238，SHA-1，6 位，30 秒）。The otpauth:// URI.' })
  otpauthUri!: string;

  @Field({ description: '二维码（SVG 文档），由本服务器生成。The URI as a QR code (an SVG document), made by this server.' })
  qrSvg!: string;
}

@ObjectType({ description: '恢复码：每个只能使用一次，只在此显示一次，请离线妥善保存。Recovery codes: one use each, shown only here.' })
export class RecoveryCodesPayload {
  @Field(() => [String], { description: '恢复码。The codes.' })
  recoveryCodes!: string[];

  @Field(() => User, { description: '用户。The user.' })
  user!: User;

  @Field(() => SignInPayload, { nullable: true, description: '登录时绑定的，返回登录结果。The sign-in, when enrolled while signing in.' })
  session?: SignInPayload | null;
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
    @Authorized()
    @Mutation(() => SignInPayload, { description: '用户名和密码登录，返回访问令牌。Sign in with username and password.' })
    async signIn(@Ctx() ctx: Context, @Arg('input', () => SignInInput, { description: '登录信息。Credentials.' }) input: SignInInput): Promise<SignInPayload> {
      return deps.auth.signIn(ctx.em, input.username, input.password);
    }

    @Authorized()
    @Mutation(() => SignInPayload, {
      description: '登录第二步：提交动态口令（或恢复码），返回访问令牌。Second sign-in step: the one-time code (or a recovery code).',
    })
    async signInSecondFactor(
      @Ctx() ctx: Context,
      @Arg('input', () => SignInSecondFactorInput, { description: '登录验证与口令。Challenge and code.' }) input: SignInSecondFactorInput,
    ): Promise<SignInPayload> {
      return deps.auth.signInSecondFactor(ctx.em, input.challenge, input.code);
    }

    @Authorized()
    @Mutation(() => TotpEnrolment, {
      description:
        '绑定动态口令第一步：生成密钥和二维码（已登录，或凭登录时要求绑定的 challenge）。Enrol a second factor, step 1 (signed in, or with the enrolment challenge).',
    })
    async beginTotpEnrolment(
      @Ctx() ctx: Context,
      @Arg('challenge', () => String, {
        nullable: true,
        description: 'signIn 返回的绑定验证（未登录时）。The enrolment challenge from signIn, when not signed in.',
      })
      challenge?: string | null,
    ): Promise<TotpEnrolment> {
      return deps.auth.beginTotpEnrolment(ctx.em, { actor: ctx.actor, challenge, requestId: ctx.requestId });
    }

    @Authorized()
    @Mutation(() => RecoveryCodesPayload, {
      description:
        '绑定动态口令第二步：输入应用显示的口令确认，返回恢复码（凭 challenge 时同时完成登录）。Step 2: confirm with a code; returns recovery codes (and signs in, with a challenge).',
    })
    async confirmTotpEnrolment(
      @Ctx() ctx: Context,
      @Arg('input', () => ConfirmTotpEnrolmentInput, { description: '口令。The code.' }) input: ConfirmTotpEnrolmentInput,
    ): Promise<RecoveryCodesPayload> {
      return deps.auth.confirmTotpEnrolment(ctx.em, { actor: ctx.actor, challenge: input.challenge, requestId: ctx.requestId }, input.code);
    }

    @Authorized()
    @Mutation(() => RecoveryCodesPayload, {
      description: '重新生成恢复码（旧码作废），须提供当前动态口令。New recovery codes (the old stop working), with a current code.',
    })
    async regenerateRecoveryCodes(
      @Ctx() ctx: Context,
      @Arg('code', { description: '当前动态口令。A current code.' }) code: string,
    ): Promise<RecoveryCodesPayload> {
      return deps.auth.regenerateRecoveryCodes(ctx.em, { actor: requireActor(ctx), requestId: ctx.requestId }, code);
    }

    @Authorized()
    @Mutation(() => User, {
      description: '停用本人的动态口令（必须使用双因素的角色不可停用），须提供当前动态口令。Turn your second factor off (not for roles that must use one).',
    })
    async disableTotp(@Ctx() ctx: Context, @Arg('code', { description: '当前动态口令。A current code.' }) code: string): Promise<User> {
      return deps.auth.disableTotp(ctx.em, { actor: requireActor(ctx), requestId: ctx.requestId }, code);
    }

    @Authorized()
    @Mutation(() => User, {
      description:
        "重置用户的动态口令（仅管理员，如手机丢失）：其登录全部结束，下次登录时重新绑定。Reset a user's second factor (admins): their sessions end; they enrol again at the next sign-in.",
    })
    async resetTotp(@Ctx() ctx: Context, @Arg('userId', () => ID, { description: '用户的全局 ID。The user.' }) userId: string): Promise<User> {
      const { id } = fromGlobalId(userId, 'User', 'userId');
      return deps.auth.resetTotp(ctx.em, { actor: requireActor(ctx), requestId: ctx.requestId }, id);
    }

    @FieldResolver(() => Boolean, { description: '是否已启用动态口令（双因素登录）。Whether a second factor (TOTP) is enrolled.' })
    totpEnabled(@Root() user: User): boolean {
      return !!user.totpEnabledAt;
    }

    @FieldResolver(() => Boolean, {
      description: "该角色是否必须使用动态口令登录（按配置 TOTP_REQUIRED_ROLES）。Whether the user's role must sign in with a second factor.",
    })
    totpRequired(@Root() user: User): boolean {
      return deps.auth.totpRequired(user.role);
    }

    @Authorized()
    @Query(() => User, { description: '当前登录的用户或服务账号。The signed-in user.' })
    async me(@Ctx() ctx: Context): Promise<User> {
      const actor = requireActor(ctx);
      const user = await ctx.loaders.byId(User).load(actor.userId);
      if (!user) throw notFound('当前用户', 'Current user');
      return user;
    }

    @Authorized()
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
      await audit(ctx.em, ctx, { action: 'apiToken.create', entity: apiToken, after: tokenSummary(apiToken) });
      await ctx.em.flush();
      return { token, apiToken };
    }

    @Authorized()
    @Mutation(() => ApiToken, { description: '吊销 API 令牌（仅管理员）。Revoke an API token (admins).' })
    async revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '令牌的全局 ID。Token global ID.' }) id: string): Promise<ApiToken> {
      const token = await ctx.em.findOne(ApiToken, { id: fromGlobalId(id, 'ApiToken').id });
      if (!token) throw notFound('该令牌', 'API token');
      if (!token.revokedAt) {
        const before = tokenSummary(token);
        token.revokedAt = new Date();
        await audit(ctx.em, ctx, { action: 'apiToken.revoke', entity: token, before, after: tokenSummary(token) });
        await ctx.em.flush();
      }
      return token;
    }

    @Authorized()
    @Mutation(() => Boolean, { description: '退出登录：本次请求所用的登录令牌立即失效。Sign out: the token of this request stops working.' })
    async signOut(@Ctx() ctx: Context): Promise<boolean> {
      const actor = requireActor(ctx);
      return deps.auth.signOut(ctx.em, { actor, requestId: ctx.requestId });
    }

    @Authorized()
    @Mutation(() => SignInPayload, {
      description: '修改本人密码；其他登录令牌全部失效，返回新的令牌。Change your password; other sessions end, a new token is returned.',
    })
    async changePassword(
      @Ctx() ctx: Context,
      @Arg('input', () => ChangePasswordInput, { description: '当前密码和新密码。Current and new password.' }) input: ChangePasswordInput,
    ): Promise<SignInPayload> {
      const actor = requireActor(ctx);
      return deps.auth.changePassword(ctx.em, { actor, requestId: ctx.requestId }, input.currentPassword, input.newPassword);
    }

    @Authorized()
    @Mutation(() => User, {
      description: "重置用户密码（仅管理员）：同时解除锁定、结束其全部登录。Reset a user's password (admins); unlocks and ends their sessions.",
    })
    async resetPassword(
      @Ctx() ctx: Context,
      @Arg('input', () => ResetPasswordInput, { description: '用户和新密码。User and new password.' }) input: ResetPasswordInput,
    ): Promise<User> {
      const { id } = fromGlobalId(input.userId, 'User', 'input.userId');
      return deps.auth.resetPassword(ctx.em, { actor: requireActor(ctx), requestId: ctx.requestId }, id, input.newPassword);
    }

    @Authorized()
    @Mutation(() => User, { description: '解除账号锁定（仅管理员）。Unlock an account locked after failed sign-ins (admins).' })
    async unlockUser(@Ctx() ctx: Context, @Arg('userId', () => ID, { description: '用户的全局 ID。The user.' }) userId: string): Promise<User> {
      const { id } = fromGlobalId(userId, 'User', 'userId');
      return deps.auth.unlock(ctx.em, { actor: requireActor(ctx), requestId: ctx.requestId }, id);
    }

    @Authorized()
    @Mutation(() => User, { description: '结束用户的全部登录（管理员，或本人）：已签发的登录令牌全部失效。End every session of a user (admins, or the user).' })
    async revokeAllSessions(@Ctx() ctx: Context, @Arg('userId', () => ID, { description: '用户的全局 ID。The user.' }) userId: string): Promise<User> {
      const actor = requireActor(ctx);
      const { id } = fromGlobalId(userId, 'User', 'userId');
      if (actor.role !== Role.ADMIN && actor.userId !== id)
        throw forbidden('OWN_ACCOUNT', '只能结束本人的登录（管理员除外）', 'Only your own sessions (or an administrator)');
      return deps.auth.revokeAllSessions(ctx.em, { actor, requestId: ctx.requestId }, id);
    }

    @Authorized()
    @Mutation(() => CreateApiTokenPayload, {
      description:
        '轮换 API 令牌：签发新令牌并吊销旧令牌，一步完成（管理员，或服务账号轮换自己的令牌）。Rotate an API token: issue a new one and revoke the old, atomically.',
    })
    async rotateApiToken(
      @Ctx() ctx: Context,
      @Arg('id', () => ID, { description: '要轮换的令牌的全局 ID。The token to rotate.' }) id: string,
    ): Promise<CreateApiTokenPayload> {
      const actor = requireActor(ctx);
      const tokenId = fromGlobalId(id, 'ApiToken').id;
      return ctx.em.transactional(async (em) => {
        const old = await em.findOne(ApiToken, { id: tokenId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!old || (actor.role !== Role.ADMIN && old.user.id !== actor.userId)) throw notFound('该令牌', 'API token');
        const now = new Date();
        if (old.revokedAt) throw conflict('该令牌已吊销，不能轮换', 'The token is revoked and cannot be rotated');
        if (old.expiresAt && old.expiresAt <= now) throw conflict('该令牌已过期，不能轮换', 'The token has expired and cannot be rotated');
        const before = tokenSummary(old);
        const token = generateApiToken();
        // The new token lives as long as the old one was meant to.
        const lifetime = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
        const fresh = em.create(ApiToken, {
          user: old.user,
          name: old.name,
          prefix: token.slice(0, 12),
          tokenHash: hashApiToken(token),
          expiresAt: lifetime ? new Date(now.getTime() + lifetime) : null,
        });
        old.revokedAt = now;
        await em.flush();
        await audit(em, ctx, {
          action: 'apiToken.rotate',
          entity: old,
          before,
          after: { ...tokenSummary(old), replacedBy: fresh.id, replacedByPrefix: fresh.prefix },
        });
        await audit(em, ctx, { action: 'apiToken.create', entity: fresh, after: tokenSummary(fresh), comment: `轮换自令牌 ${old.prefix}…` });
        await em.flush();
        return { token, apiToken: fresh };
      });
    }

    @FieldResolver(() => String, { description: '角色名称（中文）。Role label in Chinese.' })
    roleLabel(@Root() user: User): string {
      return labelOf(Role, user.role).zh;
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
