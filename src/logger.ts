import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** Structured JSON logs (pino). Secrets never reach them: credentials in request and response headers, passwords, tokens and second-factor codes are redacted. */
export function createLogger(config: Pick<Config, 'logLevel'>, name = 'zhunru'): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: {
      // Request and response headers that carry credentials (the queue dashboard's session cookie is set in a response).
      paths: [
        'req.headers.authorization',
        'req.headers["proxy-authorization"]',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'res.headers.authorization',
        'headers.authorization',
        'headers.cookie',
        'headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.totpCode',
        '*.recoveryCode',
        '*.challenge',
        'variables.password',
        'variables.input.password',
      ],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type { Logger };
