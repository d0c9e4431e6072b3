import crypto from 'node:crypto';
import client from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { AppError } from '../kernel/errors';
import { sendHttpError } from '../kernel/http/routes';

/**
 * The `operation` label of a GraphQL request: the root field it asks for when that is a
 * field of the schema (one label per query or mutation, a bounded set), `multiple` for
 * several, `other` for anything else — never a name the client chose (an operation name
 * is free text: every distinct one would become a new time series).
 */
export function operationLabel(
  schema: GraphQLSchema | undefined,
  document: DocumentNode | undefined,
  operation: OperationDefinitionNode | undefined | null,
): string {
  if (!schema || !operation) return 'other';
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const fields = root?.getFields() ?? {};
  const names = new Set<string>();
  const fragments = new Map(
    (document?.definitions ?? [])
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [(d as { name: { value: string } }).name.value, d as { selectionSet: SelectionSetNode }]),
  );
  const visit = (set: SelectionSetNode, depth: number) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!sel.name.value.startsWith('__')) names.add(sel.name.value);
      } else if (depth < 5) {
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(sel.name.value)?.selectionSet;
        if (inner) visit(inner, depth + 1);
      }
    }
  };
  visit(operation.selectionSet, 0);
  if (names.size > 1) return 'multiple';
  const [only] = names;
  return only && Object.prototype.hasOwnProperty.call(fields, only) ? only : 'other';
}

export interface MetricsAccess {
  /** Bearer token /metrics requires; unset: none (then only the internal port, if any, serves it). */
  token?: string;
}

/**
 * Who may read /metrics (issue 12, item 8): with METRICS_TOKEN, `Authorization: Bearer
 * <token>` (compared in constant time); without it, nobody on the API's port — serve it on
 * the internal METRICS_PORT instead. Refusals are in the API's error model.
 */
export function metricsAccess(access: MetricsAccess, internal: boolean): RequestHandler {
  const expected = access.token ? crypto.createHash('sha256').update(access.token).digest() : null;
  return (req, res, next) => {
    if (!expected) {
      if (internal) return next();
      return sendHttpError(
        res,
        new AppError(
          'FORBIDDEN',
          '指标接口未在此端口开放：请设置 METRICS_TOKEN，或使用内部端口 METRICS_PORT',
          'Metrics are not served on this port: set METRICS_TOKEN, or use the internal METRICS_PORT',
          { reason: 'METRICS_DISABLED' },
        ),
      );
    }
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
    const given = m ? crypto.createHash('sha256').update(m[1]).digest() : null;
    if (!given || !crypto.timingSafeEqual(given, expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="zhunru-metrics"');
      return sendHttpError(
        res,
        new AppError(
          'UNAUTHENTICATED',
          '读取指标需要指标令牌（Authorization: Bearer <METRICS_TOKEN>）',
          'Reading metrics needs the metrics token (Authorization: Bearer <METRICS_TOKEN>)',
          { reason: 'METRICS_TOKEN' },
        ),
      );
    }
    next();
  };
}

/**
 * Prometheus metrics at /metrics: HTTP requests by route template, GraphQL operations by
 * root field, type and outcome, the database pool, and Node's own process metrics. One
 * registry per app instance, so tests can run several. Every label has a bounded set of
 * values.
 */
export function createMetrics(orm: MikroORM, schema?: GraphQLSchema) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'zhunru_' });

  const httpDuration = new client.Histogram({
    name: 'zhunru_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const gqlDuration = new client.Histogram({
    name: 'zhunru_graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by root field (operation), type and outcome.',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const gqlRequests = new client.Counter({
    name: 'zhunru_graphql_operations_total',
    help: 'GraphQL operations by root field (operation), type and outcome.',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const gqlErrors = new client.Counter({
    name: 'zhunru_graphql_errors_total',
    help: 'GraphQL errors by code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const pool = () => (orm.em.getConnection().getKnex().client as { pool?: Record<string, () => number> }).pool;
  new client.Gauge({
    name: 'zhunru_db_pool_connections',
    help: 'Database pool connections by state.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = pool();
      if (!p) return;
      this.set({ state: 'used' }, p.numUsed?.() ?? 0);
      this.set({ state: 'free' }, p.numFree?.() ?? 0);
      this.set({ state: 'pending_acquires' }, p.numPendingAcquires?.() ?? 0);
      this.set({ state: 'pending_creates' }, p.numPendingCreates?.() ?? 0);
    },
  });

  const httpMiddleware: RequestHandler = (req, res, next) => {
    const end = httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      // Route templates keep label cardinality bounded; unknown paths share one label.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-member-access -- Express types req.route as any
      const route = res.statusCode === 404 ? 'unmatched' : req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.baseUrl || 'other';
      end({ route, status: String(res.statusCode) });
    });
    next();
  };

  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ document, operation, errors }) {
          const labels = {
            operation: operationLabel(schema, document, operation),
            type: operation?.operation ?? 'unknown',
            outcome: errors?.length ? 'error' : 'success',
          };
          gqlRequests.inc(labels);
          gqlDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          for (const e of errors ?? [])
            gqlErrors.inc({
              code: ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'INTERNAL'].includes(String(e.extensions?.code))
                ? String(e.extensions?.code)
                : 'other',
            });
        },
      };
    },
  };

  return { registry, httpMiddleware, apolloPlugin };
}
