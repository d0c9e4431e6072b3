import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { QueueBackend } from '../queue/backend';
import type { Context } from '../kernel/context';
import { createContext } from '../auth';
import { formatError } from '../kernel/errors';
import { createSchema } from '../schema';
import { AuthService, resolveJwtSecret, signInPolicyFromConfig } from '../auth';
import { createMetrics } from './metrics';
import { graphiqlRouter } from './graphiql';
import { mountStatisticsRoutes } from '../statistics';
import { mountDocumentRoutes } from '../admission';
import {
  formatLimitError,
  graphqlBodyErrors,
  limitsFromConfig,
  logSafeRequest,
  rateCostPlugin,
  operationLimitsPlugin,
  operationShapeRule,
  timeoutPlugin,
  withRequestTimeout,
} from './limits';
import { createRateLimiter } from './rate-limit';
import { errorHandler, notFoundHandler, rateLimit, requestGuard, routeTimeout } from '../kernel/http/routes';
import { availabilityPlugin, isServiceUnavailable, serviceUnavailable } from '../kernel/http/availability';
import { metricsAccess } from './metrics';
import { createQueues } from '../queue/runtime';
import { QUEUES } from '../queue/backend';
import { mountQueueDashboard } from './queue-dashboard';

export interface ApiServer {
  url: string;
  app: Express;
  server: http.Server;
  /** The internal listener serving /metrics, when METRICS_PORT is set. */
  metricsUrl?: string;
  close(): Promise<void>;
}

/**
 * The HTTP side: GraphQL at /graphql (Apollo Server 5 on Express 5, GraphQL-over-HTTP),
 * the offline IDE at /graphiql, /healthz, /readyz and /metrics.
 */
export async function startApi(opts: { config: Config; orm: MikroORM; logger: Logger; queues?: QueueBackend }): Promise<ApiServer> {
  const { config, orm, logger, queues } = opts;
  const auth = new AuthService(resolveJwtSecret(config), config.jwtTtlSeconds, signInPolicyFromConfig(config));
  const limits = limitsFromConfig(config);
  const rateLimiter = createRateLimiter(config, orm, logger);
  // The API only enqueues (triggerSync) and reads job progress; workers run elsewhere or alongside.
  const queueRegistry = queues ? createQueues(queues, Object.values(QUEUES)) : null;
  const schema = await createSchema({ auth, queues: queueRegistry });
  const metrics = createMetrics(orm, schema);
  const app = express();
  const server = http.createServer(app);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
      serializers: { req: logSafeRequest },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );
  app.use(metrics.httpMiddleware);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    const timed = <T>(p: Promise<T>) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout after 3 s')), 3000).unref())]);
    try {
      await timed(orm.em.getConnection().execute('select 1'));
      checks.database = 'ok';
    } catch (err) {
      checks.database = `error: ${(err as Error).message}`;
    }
    if (queues) {
      try {
        await timed(queues.ping());
        checks.queue = `ok (${queues.kind})`;
      } catch (err) {
        checks.queue = `error: ${(err as Error).message}`;
      }
    }
    const ready = Object.values(checks).every((v) => v.startsWith('ok'));
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  // Everything below is guarded and counted (src/http/routes.ts); /healthz and /readyz above are not counted.
  app.use(requestGuard(logger));
  app.use(rateLimit({ auth, orm, limiter: rateLimiter, log: logger }));
  app.use(routeTimeout(limits.timeoutMs, (req) => req.path === '/graphql'));
  const serveMetrics: express.RequestHandler = async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
  // /metrics: with METRICS_PORT on an internal listener of its own; on the API's port only with METRICS_TOKEN.
  if (!config.metricsPort) app.get('/metrics', metricsAccess({ token: config.metricsToken }, false), serveMetrics);

  if (queueRegistry) mountQueueDashboard(app, { auth, orm, queues: queueRegistry, queueBackend: queues!, logger }); // bull-board at /admin/queues, admins only
  mountStatisticsRoutes(app, { orm, config, logger, limiter: rateLimiter }); // statistics: CSV/XLSX exports and the dashboard (src/statistics/http.ts)
  mountDocumentRoutes(app, { orm, config, logger, limiter: rateLimiter }); // approval documents: PDF, public keys, revocation lists, offline page (src/admission/document-http.ts)
  if (config.graphiql) {
    app.use(graphiqlRouter({ endpoint: '/graphql' }));
    // A browser opening /graphql gets the IDE.
    app.get('/graphql', (req, res, next) => {
      if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' && !req.query.query) {
        res.redirect(302, '/graphiql');
        return;
      }
      next();
    });
  }

  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    // The process's own shutdown (src/main.ts) stops the API, the workers and the database in order.
    stopOnTerminationSignals: false,
    introspection: limits.introspection,
    // Operation limits (src/http/limits.ts): tokens while parsing, shape while validating.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [operationShapeRule(limits)],
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    formatError: (formatted, error) =>
      formatLimitError(
        formatError(formatted, error, {
          includeStack: config.nodeEnv === 'development',
          onInternal: (err) => logger.error({ err }, 'internal error in GraphQL request'),
        }),
        error,
        limits,
      ),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints are used; the default cache-control plugin would instrument every field.
      ApolloServerPluginCacheControlDisabled(),
      metrics.apolloPlugin,
      availabilityPlugin,
      operationLimitsPlugin(limits),
      rateCostPlugin(rateLimiter, config.rateLimitCostPerRequest),
      timeoutPlugin(limits.timeoutMs),
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: limits.bodyLimitBytes }),
    withRequestTimeout(
      limits.timeoutMs,
      expressMiddleware(apollo, {
        context: async ({ req }) => {
          // Credentials were checked, and the request counted, by the app-level middleware (src/http/routes.ts).
          const state = req.zr ?? {
            actor: await rateLimiter.guard(req.ip, () => auth.authenticate(orm.em.fork(), req.headers.authorization)),
            authError: null,
            em: orm.em.fork(),
          };
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- the credential check's own error (an AppError), kept for the resolver to throw
          if (state.authError) throw state.authError;
          try {
            return await createContext({ em: state.em, actor: state.actor, requestId: String(req.id), log: req.log, config, clientIp: req.ip });
          } catch (err) {
            // Apollo answers an error thrown here 500 unless it says otherwise.
            throw isServiceUnavailable(err) ? serviceUnavailable('database') : err;
          }
        },
      }),
    ),
    graphqlBodyErrors(limits),
  );

  // Routes mounted elsewhere come before these two: whatever is left is 404, whatever a route threw is answered in the error model.
  app.use(notFoundHandler());
  app.use(errorHandler(logger));

  let metricsServer: http.Server | undefined;
  if (config.metricsPort) {
    const internal = express();
    internal.disable('x-powered-by');
    internal.get('/metrics', metricsAccess({ token: config.metricsToken }, true), serveMetrics);
    internal.use(notFoundHandler());
    metricsServer = http.createServer(internal);
    await new Promise<void>((resolve, reject) => {
      metricsServer!.once('error', reject);
      metricsServer!.listen(config.metricsPort, config.metricsHost, () => resolve());
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed = false;
  const metricsAddress = metricsServer?.address() as AddressInfo | undefined;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    metricsUrl: metricsAddress
      ? `http://${metricsAddress.family === 'IPv6' ? `[${metricsAddress.address}]` : metricsAddress.address}:${metricsAddress.port}/metrics`
      : undefined,
    app,
    server,
    async close() {
      if (closed) return;
      closed = true;
      if (metricsServer) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      await apollo.stop(); // drains the HTTP server: in-flight requests finish
      await rateLimiter.close();
      await queueRegistry?.close();
    },
  };
}
