import client from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Prometheus metrics at /metrics: HTTP requests, GraphQL operations by name, type and
 * outcome, the database pool, and Node's own process metrics. One registry per app
 * instance, so tests can run several.
 */
export function createMetrics(orm: MikroORM) {
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
    help: 'GraphQL operation duration by operation name, type and outcome.',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const gqlRequests = new client.Counter({
    name: 'zhunru_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome.',
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
      const route = req.route?.path ? String(req.route.path) : req.baseUrl || (res.statusCode === 404 ? 'unmatched' : req.path);
      end({ route, status: String(res.statusCode) });
    });
    next();
  };

  const apolloPlugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const labels = {
            operation: (operationName ?? 'anonymous').slice(0, 64),
            type: operation?.operation ?? 'unknown',
            outcome: errors?.length ? 'error' : 'success',
          };
          gqlRequests.inc(labels);
          gqlDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          for (const e of errors ?? []) gqlErrors.inc({ code: String(e.extensions?.code ?? 'INTERNAL') });
        },
      };
    },
  };

  return { registry, httpMiddleware, apolloPlugin };
}
