import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  BREAK,
  GraphQLError,
  GraphQLObjectType,
  Kind,
  defaultFieldResolver,
  isLeafType,
  parse,
  visit,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Config } from '../config';
import { AppError } from '../kernel/errors';
import { UNSTORABLE_TEXT } from '../kernel/text';
import type { RateLimiter } from './rate-limit';

/**
 * Operation limits (issue 7, item 3): what @escape.tech/graphql-armor does, written as
 * graphql-js validation rules and two small Apollo plugins, so that nothing is installed.
 *
 * - depth, aliases, directives: `ValidationRule`s (no variables needed; fragments expanded,
 *   each fragment measured once, so a fragment bomb costs the checker nothing);
 * - field merges (the same field selected many times in one place, validation's
 *   quadratic case): counted before validation;
 * - tokens: graphql-js's own `parse(…, { maxTokens })` (Apollo `parseOptions`);
 * - cost: needs the variables (`first: $n`), so it runs in `didResolveOperation`;
 * - text that PostgreSQL cannot store (NUL, unpaired surrogates): rejected up front;
 * - a request timeout, introspection and field suggestions (production: off).
 *
 * Every limit tripped is `BAD_USER_INPUT` with a stable `extensions.reason`
 * (`MAX_DEPTH`, `MAX_ALIASES`, `MAX_TOKENS`, `MAX_DIRECTIVES`, `MAX_FIELD_MERGES`, `MAX_COST`, `INVALID_TEXT`,
 * `BODY_TOO_LARGE`, `MALFORMED_JSON`); the timeout is `INTERNAL` with reason `TIMEOUT`.
 */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  /** Pairs of same-named fields validation may compare (see `fieldMergeWork`). */
  maxFieldMerges: number;
  introspection: boolean;
  fieldSuggestions: boolean;
  bodyLimitBytes: number;
  timeoutMs: number;
}

export function limitsFromConfig(config: Config): OperationLimits {
  return {
    maxDepth: config.graphqlMaxDepth,
    maxAliases: config.graphqlMaxAliases,
    maxTokens: config.graphqlMaxTokens,
    maxDirectives: config.graphqlMaxDirectives,
    maxCost: config.graphqlMaxCost,
    maxFieldMerges: config.graphqlMaxFieldMerges,
    introspection: config.graphqlIntrospection,
    fieldSuggestions: config.graphqlFieldSuggestions,
    bodyLimitBytes: config.requestBodyLimitBytes,
    timeoutMs: config.requestTimeoutMs,
  };
}

/** Page size assumed for a connection asked for without `first`/`last` (the default page). */
export const DEFAULT_PAGE_SIZE = 20;
/** Items assumed for a plain list field (no paging): most are short (findings, children, ledgers). */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Fields whose work costs far more than reading a column (issue 12, item 6): each counts
 * this instead of 1 in the operation's cost (and so in GRAPHQL_MAX_COST and in the rate
 * limits, which charge cost / RATE_LIMIT_COST_PER_REQUEST requests, rounded, at least 1).
 * Aliasing one 30 times costs 30 times as much. The figures follow what each does, set
 * above what `npm run bench:costs` measures on the demo county (their work grows with a
 * province's data; a sign-in measured about 4 800 points' worth of a page's time):
 *
 * - a bcrypt check or hash (cost 12, ~0.2 s of a core): 10 000 — sign-in and every
 *   mutation that checks or sets a password or a second factor;
 * - reading and hashing whole audit chains: 5 000;
 * - rebuilding the statistics summaries, starting syncs, consolidation, publishing lists,
 *   importing guidance lists, ordering removals: 2 000 – 5 000;
 * - the rules engine (create, update, submit, check, review an application), the
 *   clean-up reviews that compare whole registries, statistics answers (a grouped
 *   statement over the summaries each): 1 000 — a page of 100 rows with ten fields.
 *
 * Every one of them aliased 30 times is over the default GRAPHQL_MAX_COST (20 000).
 */
export const FIELD_COSTS: Record<string, number> = {
  'Mutation.signIn': 10_000,
  'Mutation.signInSecondFactor': 10_000,
  'Mutation.changePassword': 10_000,
  'Mutation.resetPassword': 10_000,
  'Mutation.createUser': 10_000,
  'Mutation.beginTotpEnrolment': 10_000,
  'Mutation.confirmTotpEnrolment': 10_000,
  'Mutation.regenerateRecoveryCodes': 10_000,
  'Mutation.disableTotp': 10_000,
  'Query.verifyAuditChain': 5_000,
  'Mutation.refreshStatistics': 5_000,
  'Mutation.triggerSync': 2_000,
  'Mutation.executeConsolidation': 2_000,
  'Mutation.publishListVersion': 2_000,
  'Mutation.importGuidanceLists': 2_000,
  'Mutation.orderPlaqueRemovals': 2_000,
  'Mutation.createApplication': 1_000,
  'Mutation.updateApplication': 1_000,
  'Mutation.submitApplication': 1_000,
  'Mutation.declareEmergencyEntry': 1_000,
  'Mutation.checkApplication': 1_000,
  'Mutation.reviewApplication': 1_000,
  'Mutation.createServiceContract': 1_000,
  'Query.checkServiceContract': 1_000,
  'Query.ledgerCleanupReview': 1_000,
  'Query.plaqueCleanupReview': 1_000,
  'Query.consolidationPlan': 1_000,
  'Query.collectOnceOpportunities': 1_000,
  'Query.repeatOffenders': 1_000,
  'Query.ledgerSummary': 1_000,
  'Query.listVersionDiff': 1_000,
  'Query.burdenStatistics': 1_000,
  'Query.burdenTrend': 1_000,
  'Query.departmentRanking': 1_000,
  'Query.communityBurdenCard': 1_000,
  'Query.certificateStatistics': 1_000,
  'Query.departmentRecord': 1_000,
};

/**
 * Mutations that check or set a credential (password, second factor): at most one per
 * request, however aliased — each is a bcrypt round and, for sign-ins, a lockout count and
 * an audit event.
 */
export const AUTH_MUTATIONS = new Set([
  'signIn',
  'signInSecondFactor',
  'changePassword',
  'resetPassword',
  'createUser',
  'beginTotpEnrolment',
  'confirmTotpEnrolment',
  'regenerateRecoveryCodes',
  'disableTotp',
]);
export const MAX_AUTH_MUTATIONS = 1;

/** The cost one field counts: its own (FIELD_COSTS), else 1. */
export function fieldCost(typeName: string, fieldName: string): number {
  return FIELD_COSTS[`${typeName}.${fieldName}`] ?? 1;
}

/** Requests' worth a GraphQL operation of `cost` is charged in the rate limits. */
export function rateUnits(cost: number, costPerRequest: number): number {
  return Math.max(1, Math.round(cost / Math.max(1, costPerRequest)));
}

export type LimitReason =
  | 'MAX_DEPTH'
  | 'MAX_ALIASES'
  | 'MAX_TOKENS'
  | 'MAX_DIRECTIVES'
  | 'MAX_FIELD_MERGES'
  | 'MAX_COST'
  | 'MAX_AUTH_MUTATIONS'
  | 'INVALID_TEXT'
  | 'BODY_TOO_LARGE'
  | 'MALFORMED_JSON';

/** A tripped limit: BAD_USER_INPUT, a stable reason, the limit and what was measured. */
export function limitExceeded(reason: LimitReason, message: string, messageEn: string, extra: Record<string, unknown> = {}, status = 400): AppError {
  return new AppError('BAD_USER_INPUT', message, messageEn, { reason, ...extra, http: { status } });
}

// ---------------------------------------------------------------------------
// Measuring a document: one walk per operation, fragments measured once each.
// ---------------------------------------------------------------------------

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
}

function measureOperations(ctx: ValidationContext, ignoreIntrospection: boolean): Map<OperationDefinitionNode, Measure> {
  const fragments = new Map<string, Measure | 'visiting'>();
  const fragmentDef = (name: string): FragmentDefinitionNode | undefined => ctx.getFragment(name) ?? undefined;

  const ofSelectionSet = (set: SelectionSetNode | undefined): Measure => {
    const m: Measure = { depth: 0, aliases: 0, directives: 0 };
    if (!set) return m;
    for (const sel of set.selections) {
      m.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) m.aliases++;
        if (ignoreIntrospection && sel.name.value.startsWith('__')) continue;
        const inner = ofSelectionSet(sel.selectionSet);
        m.depth = Math.max(m.depth, 1 + inner.depth);
        m.aliases += inner.aliases;
        m.directives += inner.directives;
      } else {
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? ofSelectionSet(sel.selectionSet) : ofFragment(sel.name.value);
        m.depth = Math.max(m.depth, inner.depth);
        m.aliases += inner.aliases;
        m.directives += inner.directives;
      }
    }
    return m;
  };
  const ofFragment = (name: string): Measure => {
    const known = fragments.get(name);
    if (known === 'visiting') return { depth: 0, aliases: 0, directives: 0 }; // a cycle: NoFragmentCyclesRule reports it
    if (known) return known;
    fragments.set(name, 'visiting');
    const def = fragmentDef(name);
    const m = ofSelectionSet(def?.selectionSet);
    if (def) m.directives += def.directives?.length ?? 0;
    fragments.set(name, m);
    return m;
  };

  const out = new Map<OperationDefinitionNode, Measure>();
  for (const def of ctx.getDocument().definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const m = ofSelectionSet(def.selectionSet);
    m.directives += def.directives?.length ?? 0;
    out.set(def, m);
  }
  return out;
}

/** Root fields of a mutation that are AUTH_MUTATIONS, aliases and fragments included. */
function authMutationsOf(ctx: ValidationContext, set: SelectionSetNode, depth = 0): number {
  let n = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) n += AUTH_MUTATIONS.has(sel.name.value) ? 1 : 0;
    else if (depth < 10) {
      const inner = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : ctx.getFragment(sel.name.value)?.selectionSet;
      if (inner) n += authMutationsOf(ctx, inner, depth + 1);
    }
  }
  return n;
}

/**
 * Depth, aliases and directives of every operation in the document, in one walk;
 * each limit tripped is reported with its own reason.
 */
export function operationShapeRule(limits: Pick<OperationLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxFieldMerges'>): ValidationRule {
  return (ctx: ValidationContext): ASTVisitor => ({
    Document: {
      leave() {
        if (tooCostlyToValidate.has(ctx.getDocument())) {
          const max = limits.maxFieldMerges;
          ctx.reportError(
            limitExceeded(
              'MAX_FIELD_MERGES',
              `同名字段重复选择过多：合并校验超过 ${max} 次比较，请去掉重复的字段或片段`,
              `Too many repeated fields: merging them takes more than ${max} comparisons; remove repeated fields or fragments`,
              { limit: max },
            ),
          );
          return;
        }
        for (const [op, m] of measureOperations(ctx, true)) {
          const operation = op.name?.value;
          if (m.depth > limits.maxDepth) {
            const max = limits.maxDepth;
            ctx.reportError(
              limitExceeded('MAX_DEPTH', `查询嵌套过深：${m.depth} 层，上限 ${max} 层`, `Query is too deep: ${m.depth} levels, at most ${max}`, {
                limit: max,
                actual: m.depth,
                operation,
              }),
            );
          }
          if (m.aliases > limits.maxAliases) {
            const max = limits.maxAliases;
            ctx.reportError(
              limitExceeded('MAX_ALIASES', `别名过多：${m.aliases} 个，上限 ${max} 个`, `Too many aliases: ${m.aliases}, at most ${max}`, {
                limit: max,
                actual: m.aliases,
                operation,
              }),
            );
          }
          if (m.directives > limits.maxDirectives) {
            const max = limits.maxDirectives;
            ctx.reportError(
              limitExceeded('MAX_DIRECTIVES', `指令过多：${m.directives} 个，上限 ${max} 个`, `Too many directives: ${m.directives}, at most ${max}`, {
                limit: max,
                actual: m.directives,
                operation,
              }),
            );
          }
          const auth = op.operation === 'mutation' ? authMutationsOf(ctx, op.selectionSet) : 0;
          if (auth > MAX_AUTH_MUTATIONS) {
            ctx.reportError(
              limitExceeded(
                'MAX_AUTH_MUTATIONS',
                `一次请求最多一个登录或凭据类变更（${[...AUTH_MUTATIONS].join('、')}），本次 ${auth} 个`,
                `At most ${MAX_AUTH_MUTATIONS} sign-in or credential mutation per request (${[...AUTH_MUTATIONS].join(', ')}); got ${auth}`,
                { limit: MAX_AUTH_MUTATIONS, actual: auth, operation },
              ),
            );
          }
        }
      },
    },
  });
}

// ---------------------------------------------------------------------------
// Field merges: graphql-js's OverlappingFieldsCanBeMergedRule compares every pair of
// fields with the same response key in a selection set (fragments merged in), and the
// sub-selections of each such pair, recursively. A 1000-token document that selects
// `children { name }` 250 times, or nests repeated fields a few levels deep, costs it
// hundreds of milliseconds. The comparisons are counted here, cheaply and with an early
// stop, before validation starts.
// ---------------------------------------------------------------------------

/** Stub documents standing in for documents refused before validation (see operationLimitsPlugin). */
const tooCostlyToValidate = new WeakSet<DocumentNode>();

/**
 * How many field pairs graphql-js would compare to check that same-named fields can be
 * merged (an upper bound: fragments are expanded where graphql-js would reuse a result).
 * Stops counting once past `stopAt`.
 */
export function fieldMergeWork(document: DocumentNode, stopAt = Infinity): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const expanded = new Map<SelectionSetNode, Map<string, FieldNode[]>>();
  const fragmentFields = new Map<string, FieldNode[] | 'visiting'>();
  let work = 0;
  const STOP = Symbol('stop');

  const fieldsOf = (set: SelectionSetNode, into: FieldNode[] = []): FieldNode[] => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) into.push(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) fieldsOf(sel.selectionSet, into);
      else {
        let known = fragmentFields.get(sel.name.value);
        if (known === 'visiting') continue;
        if (!known) {
          fragmentFields.set(sel.name.value, 'visiting');
          const def = fragments.get(sel.name.value);
          known = def ? fieldsOf(def.selectionSet) : [];
          fragmentFields.set(sel.name.value, known);
        }
        for (const f of known) into.push(f);
      }
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a sentinel that unwinds the walk, caught right below; never escapes
      if (into.length > 100_000) throw STOP;
    }
    return into;
  };
  const byKey = (set: SelectionSetNode): Map<string, FieldNode[]> => {
    let m = expanded.get(set);
    if (!m) {
      m = new Map();
      for (const f of fieldsOf(set)) {
        const key = f.alias?.value ?? f.name.value;
        const list = m.get(key);
        if (list) list.push(f);
        else m.set(key, [f]);
      }
      expanded.set(set, m);
    }
    return m;
  };
  const tick = () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a sentinel that unwinds the walk, caught right below; never escapes
    if (++work > stopAt) throw STOP;
  };
  const cross = (a: SelectionSetNode | undefined, b: SelectionSetNode | undefined, depth: number): void => {
    if (!a || !b || depth > 64) return;
    const right = byKey(b);
    for (const [key, lefts] of byKey(a)) {
      const rights = right.get(key);
      if (!rights) continue;
      for (const x of lefts)
        for (const y of rights) {
          tick();
          cross(x.selectionSet, y.selectionSet, depth + 1);
        }
    }
  };
  const seen = new Set<SelectionSetNode>();
  const within = (set: SelectionSetNode, depth: number): void => {
    if (seen.has(set) || depth > 64) return;
    seen.add(set);
    for (const group of byKey(set).values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          tick();
          cross(group[i].selectionSet, group[j].selectionSet, depth + 1);
        }
        if (group[i].selectionSet) within(group[i].selectionSet!, depth + 1);
      }
    }
  };
  try {
    for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) within(d.selectionSet, 0);
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return work;
}

// ---------------------------------------------------------------------------
// Cost: Σ fields, each multiplied by the page sizes of the lists it sits in.
// ---------------------------------------------------------------------------

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.LIST:
      return node.values;
    case Kind.NULL:
      return null;
    default:
      return undefined;
  }
}

/**
 * How many items a field returns, at most: `first`/`last` of a connection (default 20),
 * the length of a list argument for plain lists fetched by key (`nodes(ids:)`), else 10
 * for a plain list and 1 for anything else. Lists inside a connection (`edges`, `nodes`) are
 * the page itself and count once.
 */
function listSize(field: FieldNode, fieldType: unknown, inConnection: boolean, variables: Record<string, unknown>): { size: number; connection: boolean } {
  const args = new Map((field.arguments ?? []).map((a) => [a.name.value, valueOf(a.value, variables)]));
  if (args.has('first') || args.has('last') || /Connection$/.test((getNamedType(fieldType as never) as GraphQLNamedType | undefined)?.name ?? '')) {
    const n = [args.get('first'), args.get('last')].find((v) => typeof v === 'number' && Number.isFinite(v));
    return { size: Math.max(0, Math.min(Number(n ?? DEFAULT_PAGE_SIZE), 1_000_000)), connection: true };
  }
  if (!isListType(getNullableType(fieldType as never))) return { size: 1, connection: false };
  if (inConnection) return { size: 1, connection: false };
  for (const v of args.values()) if (Array.isArray(v)) return { size: Math.max(1, v.length), connection: false };
  return { size: DEFAULT_LIST_SIZE, connection: false };
}

/** Estimated cost of `operation`, given its variables; stops counting past `stopAt`. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  stopAt = Infinity,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Cost is linear in the multiplier, so a fragment on a type is costed once per (type, connection flag).
  const memo = new Map<string, number>();

  const ofSet = (set: SelectionSetNode | undefined, type: GraphQLNamedType | null | undefined, inConnection: boolean, seen: Set<string>): number => {
    if (!set || !type) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (total > stopAt) return total;
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
        if (!def) continue;
        const { size, connection } = listSize(sel, def.type, inConnection, variables);
        total += fieldCost(type.name, sel.name.value) + (sel.selectionSet ? size * ofSet(sel.selectionSet, getNamedType(def.type), connection, seen) : 0);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        total += ofSet(sel.selectionSet, t, inConnection, seen);
      } else {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const t = schema.getType(frag.typeCondition.name.value);
        const key = `${frag.name.value}|${t?.name}|${inConnection}`;
        let c = memo.get(key);
        if (c === undefined) {
          c = ofSet(frag.selectionSet, t, inConnection, new Set([...seen, frag.name.value]));
          memo.set(key, c);
        }
        total += c;
      }
    }
    return total;
  };
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return ofSet(operation.selectionSet, root, false, new Set());
}

// ---------------------------------------------------------------------------
// Text PostgreSQL cannot store: NUL characters and unpaired UTF-16 surrogates.
// ---------------------------------------------------------------------------

const UNSTORABLE = UNSTORABLE_TEXT;

/** The path of the first string (or object key) in `value` PostgreSQL would reject, if any. */
export function findUnstorableText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(value)' : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnstorableText(value[i], `${path}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (UNSTORABLE.test(k)) return `${path}.${k.replace(UNSTORABLE, '\uFFFD')}`;
    const hit = findUnstorableText(v, path ? `${path}.${k}` : k, depth + 1);
    if (hit) return hit;
  }
  return null;
}

function documentStrings(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node) {
      if (!UNSTORABLE.test(node.value)) return undefined;
      found = '(query)';
      return BREAK;
    },
  });
  return found;
}

/** The estimated cost of the request behind a context (set by operationLimitsPlugin). */
const COSTS = new WeakMap<object, number>();

/**
 * Rate limits by cost (issue 12, item 6): the app-level middleware counted the request as
 * one; an operation costing more than RATE_LIMIT_COST_PER_REQUEST is charged the rest —
 * cost / RATE_LIMIT_COST_PER_REQUEST (rounded, at least 1) in all — against the address and the account,
 * before it runs. Must come after operationLimitsPlugin.
 */
export function rateCostPlugin(limiter: Pick<RateLimiter, 'charge'>, costPerRequest: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          const ctx = contextValue as { actor?: { userId: number } | null; clientIp?: string };
          const cost = COSTS.get(contextValue) ?? 0;
          const units = rateUnits(cost, costPerRequest);
          if (units > 1) await limiter.charge(ctx.clientIp, ctx.actor ?? null, units - 1);
        },
      };
    },
  };
}

/**
 * Checks that need the variables, after parsing and validation and before execution:
 * unstorable text, then the cost limit.
 */
export function operationLimitsPlugin(limits: Pick<OperationLimits, 'maxCost' | 'maxFieldMerges'>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        // Between parsing and validation. Apollo turns an exception thrown by a plugin here
        // into a 500, so a document that is too costly to validate is swapped for a stub that
        // operationShapeRule reports as MAX_FIELD_MERGES (a 400, like every other limit).
        async parsingDidStart(requestContext) {
          return async (err?: Error) => {
            const document = requestContext.document;
            if (err || !document) return;
            if (fieldMergeWork(document, limits.maxFieldMerges) > limits.maxFieldMerges) {
              const stub = parse('{ __typename }');
              tooCostlyToValidate.add(stub);
              (requestContext as { document?: DocumentNode }).document = stub;
            }
          };
        },
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const variables = (request.variables ?? {}) as Record<string, unknown>;
          const badText = findUnstorableText(variables) ?? documentStrings(document);
          if (badText) {
            throw limitExceeded(
              'INVALID_TEXT',
              `文本含有空字符（\\0）或不成对的代理字符，无法保存：${badText}`,
              `Text contains a NUL character or an unpaired surrogate: ${badText}`,
              { field: badText },
            );
          }
          if (!operation) return;
          const cost = operationCost(schema, document, operation, variables, limits.maxCost);
          COSTS.set(contextValue, cost);
          if (cost > limits.maxCost) {
            throw limitExceeded(
              'MAX_COST',
              `查询代价过高：估算超过 ${limits.maxCost}（字段数 × 列表页大小），请减少字段或每页条数`,
              `Query is too expensive: estimated above ${limits.maxCost} (fields × page sizes); ask for fewer fields or smaller pages`,
              { limit: limits.maxCost, actual: cost },
            );
          }
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------
// Error messages: tokens tripped, suggestions hidden.
// ---------------------------------------------------------------------------

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Applied after the kernel's formatError: names MAX_TOKENS; removes "Did you mean …?" when
 * suggestions are off; and makes a request error that graphql-js or Apollo raised without
 * a code (an unsupported persisted-query version, a subscription on a schema without
 * subscriptions) BAD_USER_INPUT rather than INTERNAL. Those are recognisable: they carry
 * no `originalError`, whereas anything a resolver or the server threw does.
 */
export function formatLimitError(
  out: GraphQLFormattedError,
  error: unknown,
  limits: Pick<OperationLimits, 'fieldSuggestions' | 'maxTokens'>,
): GraphQLFormattedError {
  const ext = { ...(out.extensions ?? {}) } as Record<string, unknown>;
  let message = out.message;
  if (ext.code === 'INTERNAL' && ext.reason === undefined && error instanceof GraphQLError && !error.originalError && !error.extensions?.code) {
    ext.code = 'BAD_USER_INPUT';
    ext.reason = 'BAD_REQUEST';
    ext.messageEn = error.message;
    message = `请求无法执行：${error.message}`;
  }
  if (ext.reason === 'GRAPHQL_PARSE_FAILED' && typeof ext.messageEn === 'string' && /contains more th(?:an|at) \d+ tokens/.test(ext.messageEn)) {
    ext.reason = 'MAX_TOKENS';
    ext.limit = limits.maxTokens;
    message = `查询过长：超过 ${limits.maxTokens} 个词法单元`;
    ext.messageEn = `Document has more than ${limits.maxTokens} tokens`;
  }
  if (!limits.fieldSuggestions) {
    message = message.replace(SUGGESTION, '');
    if (typeof ext.messageEn === 'string') ext.messageEn = ext.messageEn.replace(SUGGESTION, '');
    if (Array.isArray(ext.details)) {
      ext.details = ext.details.map((d: Record<string, unknown>) => ({
        ...d,
        ...(typeof d.message === 'string' ? { message: d.message.replace(SUGGESTION, '') } : {}),
        ...(typeof d.messageEn === 'string' ? { messageEn: d.messageEn.replace(SUGGESTION, '') } : {}),
      }));
    }
  }
  return { ...out, message, extensions: ext };
}

// ---------------------------------------------------------------------------
// HTTP: body parser errors as GraphQL errors, and the request timeout.
// ---------------------------------------------------------------------------

function sendGraphQLErrors(res: Response, status: number, errors: GraphQLFormattedError[], headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).type('application/json; charset=utf-8').send(JSON.stringify({ errors }));
}

/**
 * Express error handler for /graphql: a body too large (413) or not JSON (400) answers in
 * the GraphQL error format instead of Express's HTML page.
 */
export function graphqlBodyErrors(limits: Pick<OperationLimits, 'bodyLimitBytes'>) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    const e = err as { type?: string; status?: number; statusCode?: number };
    if (res.headersSent) return next(err);
    if (e?.type === 'entity.too.large') {
      sendGraphQLErrors(res, 413, [
        {
          message: `请求体过大：上限 ${limits.bodyLimitBytes} 字节`,
          extensions: {
            code: 'BAD_USER_INPUT',
            messageEn: `Request body too large: at most ${limits.bodyLimitBytes} bytes`,
            reason: 'BODY_TOO_LARGE',
            limit: limits.bodyLimitBytes,
          },
        },
      ]);
      return;
    }
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const json = e?.type === 'entity.parse.failed';
      sendGraphQLErrors(res, status, [
        {
          message: json ? '请求体不是有效的 JSON' : '请求格式不正确',
          extensions: {
            code: 'BAD_USER_INPUT',
            messageEn: json ? 'Request body is not valid JSON' : 'Malformed request',
            reason: json ? 'MALFORMED_JSON' : 'BAD_REQUEST',
          },
        },
      ]);
      return;
    }
    next(err);
  };
}

/** The body of a timed-out request: INTERNAL (the server did not finish), reason TIMEOUT. */
export function timeoutError(ms: number): AppError {
  return new AppError('INTERNAL', `请求超时（超过 ${ms} 毫秒），请稍后重试或缩小查询范围`, `Request timed out after ${ms} ms`, {
    reason: 'TIMEOUT',
    http: { status: 503 },
  });
}

const RESPONSE_WRITES = new Set<PropertyKey>(['setHeader', 'removeHeader', 'writeHead', 'status', 'send', 'json', 'type', 'write', 'end', 'flush']);

/**
 * Wraps the GraphQL handler: after `ms` the client gets `INTERNAL` / `TIMEOUT` (HTTP 503)
 * and whatever the handler writes later is dropped. The plugin below stops resolving
 * further fields once the deadline has passed, so the work winds down too (a statement
 * already running in PostgreSQL completes; a timed-out mutation may or may not have
 * committed — clients should re-read before retrying).
 */
export function withRequestTimeout(ms: number, handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      timedOut = true;
      const e = timeoutError(ms);
      sendGraphQLErrors(res, 503, [{ message: e.message, extensions: { code: 'INTERNAL', messageEn: e.extensions.messageEn, reason: 'TIMEOUT' } }], {
        'Retry-After': '5',
      });
    }, ms);
    timer.unref();
    const done = () => clearTimeout(timer);
    res.once('finish', done);
    res.once('close', done);
    const guarded = new Proxy(res, {
      get(target, prop) {
        if (timedOut && RESPONSE_WRITES.has(prop)) return () => guarded;
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- a proxy forwarding whatever the target holds
        const v = Reflect.get(target, prop, target);
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- a proxy forwarding whatever the target holds
        return typeof v === 'function' ? v.bind(target) : v;
      },
      set(target, prop, value) {
        if (timedOut) return true;
        return Reflect.set(target, prop, value, target);
      },
    });
    return handler(req, guarded, next);
  };
}

/** Deadlines of the requests being answered, by their context. */
const DEADLINES = new WeakMap<object, number>();
const DEADLINE_CHECKED = Symbol('zhunru.deadlineChecked');

/**
 * Stops resolving fields once a request has run past its deadline. The check sits on the
 * fields where work starts: every root field, and every field whose value is an object
 * (or a list of them) — where loaders and queries run. Scalar fields below are not
 * checked one by one: a hook on every value (Apollo's willResolveField) cost more than
 * the values themselves on big answers (a table of 181 counties × 30 figures).
 */
export function timeoutPlugin(ms: number): ApolloServerPlugin {
  return {
    async serverWillStart({ schema }) {
      const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
      for (const type of Object.values(schema.getTypeMap())) {
        if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
        for (const field of Object.values(type.getFields())) {
          const f = field as typeof field & { [DEADLINE_CHECKED]?: true };
          if (f[DEADLINE_CHECKED] || (!roots.has(type) && isLeafType(getNamedType(field.type)))) continue;
          const resolve = field.resolve ?? defaultFieldResolver;
          field.resolve = (source, args, context, info) => {
            const deadline = DEADLINES.get(context as object);
            if (deadline !== undefined && Date.now() > deadline) throw timeoutError(ms);
            return resolve(source, args, context, info);
          };
          f[DEADLINE_CHECKED] = true;
        }
      }
    },
    async requestDidStart({ contextValue }) {
      DEADLINES.set(contextValue, Date.now() + ms);
    },
  };
}

/**
 * A request as pino-http logs it, minus what could hold a secret: the values of the
 * query string (a GET request's `query`/`variables` may carry a password) and the parsed
 * `query` object. Headers are redacted by the logger itself (src/logger.ts).
 */
export function logSafeRequest<T extends { url?: string; query?: unknown }>(req: T): T {
  const url = req.url ?? '';
  const at = url.indexOf('?');
  const safe =
    at < 0
      ? url
      : `${url.slice(0, at)}?${url
          .slice(at + 1)
          .split('&')
          .map((kv) => `${kv.split('=')[0]}=[redacted]`)
          .join('&')}`;
  return { ...req, url: safe, query: undefined };
}
