import 'reflect-metadata';
import { buildSchema, type AuthChecker } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { Context } from './kernel/context';
import { AppError, unauthenticated } from './kernel/errors';
import { DateTimeScalar } from './kernel/scalars';
import { OPERATIONS, checkWithin, mayCall } from './auth';
import { createNodeResolver } from './kernel/node.resolver';
import { ENTITIES } from './db/entities';
import { GEOGRAPHY_RESOLVERS } from './geography';
import { ORGANISATION_RESOLVERS } from './organisation';
import { createAuthResolver, createUserAdminResolver } from './auth';
import { AUDIT_RESOLVERS } from './audit';
import { createPlatformResolvers } from './platform';
import { CATALOGUE_RESOLVERS } from './catalogue';
import { ADMISSION_RESOLVERS } from './admission';
import { REGISTRY_RESOLVERS } from './registry';
import { createStatisticsResolvers } from './statistics';
import type { AuthService } from './auth';
import type { QueueRegistry } from './queue/runtime';

/**
 * Every query and mutation carries `@Authorized()`; who may call it, and which of its
 * arguments must lie in the actor's jurisdiction, is the `OPERATIONS` table of
 * src/auth/permissions.ts — the one place. A root field missing from the table is
 * refused. Object fields may still list roles (`@Authorized(Role.ADMIN)`): signed in and
 * holding one of them.
 */
export const authChecker: AuthChecker<Context> = async ({ context, info, args }, roles) => {
  const parent = info.parentType.name;
  if (parent === 'Query' || parent === 'Mutation') {
    const rule = OPERATIONS[parent][info.fieldName];
    if (!rule) throw new AppError('FORBIDDEN', `“${info.fieldName}”没有权限规则`, `No permission rule for ${info.fieldName}`, { reason: 'NO_RULE' });
    if (rule.roles === 'PUBLIC') return true;
    if (!context.actor) throw unauthenticated();
    if (!mayCall(rule, context.actor.role)) throw new AppError('FORBIDDEN', '您的角色无权执行此操作', 'Your role may not do this', { reason: 'ROLE' });
    await checkWithin(rule, args, context, context.scope);
    return true;
  }
  if (!context.actor) throw unauthenticated();
  return roles.length === 0 || roles.includes(context.actor.role);
};

export interface SchemaDeps {
  auth: AuthService;
  /** The API's queues (enqueue only), for triggerSync and job progress; absent in schema:emit. */
  queues?: QueueRegistry | null;
}

export async function createSchema(deps: SchemaDeps): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      createNodeResolver(ENTITIES),
      ...GEOGRAPHY_RESOLVERS,
      ...ORGANISATION_RESOLVERS,
      ...AUDIT_RESOLVERS,
      ...ADMISSION_RESOLVERS,
      createAuthResolver(deps),
      createUserAdminResolver(deps),
      ...CATALOGUE_RESOLVERS,
      ...createPlatformResolvers(deps),
      ...REGISTRY_RESOLVERS,
      ...createStatisticsResolvers(deps),
    ],
    validate: { forbidUnknownValues: false },
    authChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    emitSchemaFile: false,
  });
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Zhunru 准入平台的查询入口。Queries of the Zhunru admission platform.';
  if (mutation) mutation.description = 'Zhunru 准入平台的变更入口；每个变更都记录操作人。Mutations; each one knows its actor.';
  return schema;
}

/** The SDL front-end teams consume (`schema/schema.graphql`): sorted, so diffs are stable. */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
