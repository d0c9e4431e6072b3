import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** Structured JSON logs (pino). Secrets never reach them: auth headers and tokens are redacted. */
export function createLogger(config: Pick<Config, 'logLevel'>, name = 'zhunru'): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.password', '*.token', 'variables.password', 'variables.input.password'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type { Logger };
