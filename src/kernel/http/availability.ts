import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../errors';
import { isServiceUnavailable } from '../unavailable';

export { isServiceUnavailable };

/**
 * The database or the job queue cannot be reached (issue 12, item 7): such a request is
 * answered HTTP 503 with `INTERNAL` / reason `SERVICE_UNAVAILABLE`, a clear message and
 * `Retry-After` — not a 500 that looks like a bug. The code stays one of the six (the
 * server did not finish, as for TIMEOUT); clients switch on the reason. The pools
 * reconnect on their own, so the next request after the database returns succeeds.
 */
export function serviceUnavailable(what: 'database' | 'queue' | 'any' = 'any'): AppError {
  const zh = what === 'queue' ? '任务队列（Redis）' : what === 'database' ? '数据库' : '数据库或任务队列';
  const en = what === 'queue' ? 'the job queue (Redis)' : what === 'database' ? 'the database' : 'the database or the job queue';
  return new AppError('INTERNAL', `服务暂不可用：${zh}暂时无法访问，请稍后重试`, `Service unavailable: ${en} cannot be reached right now; retry shortly`, {
    reason: 'SERVICE_UNAVAILABLE',
    retryAfterSeconds: 5,
    http: { status: 503, headers: new HeaderMap([['retry-after', '5']]) },
  });
}

/**
 * Apollo plugin: a GraphQL request that failed because the database or Redis is gone is
 * answered HTTP 503 with Retry-After (its errors read SERVICE_UNAVAILABLE, see
 * src/kernel/errors.ts formatError), not 200 or 500.
 */
export const availabilityPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, response }) {
        if (errors.some((e) => isServiceUnavailable(e))) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        }
      },
    };
  },
};
