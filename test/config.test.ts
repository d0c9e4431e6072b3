import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

describe('configuration', () => {
  it('has working defaults: embedded database, migrations and demo seed on', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ nodeEnv: 'development', port: 4000, host: '127.0.0.1', migrateOnStart: true, seedOnEmpty: true, logLevel: 'info' });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('data'));
  });

  it('turns migrations and seeding off by default when DATABASE_URL names a server', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/zhunru', REDIS_URL: 'redis://redis:6379' });
    expect(c).toMatchObject({ migrateOnStart: false, seedOnEmpty: false, redisUrl: 'redis://redis:6379' });
  });

  it('reports every bad value at once, naming the variable, in Chinese and English', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        NODE_ENV: 'prod',
        PORT: '99999',
        DATABASE_URL: 'mysql://x/y',
        REDIS_URL: 'not a url',
        LOG_LEVEL: 'loud',
        MIGRATE_ON_START: 'maybe',
        JWT_SECRET: 'short',
      });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = ['NODE_ENV', 'PORT', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL', 'MIGRATE_ON_START', 'JWT_SECRET'];
    expect(error!.problems).toHaveLength(names.length);
    for (const name of names) expect(error!.problems.filter((p) => p.startsWith(name))).toHaveLength(1);
    expect(error!.message).toMatch(/配置无效/);
    expect(error!.message).toMatch(/must be/);
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/z' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/z', JWT_SECRET: 'x'.repeat(32) }).nodeEnv).toBe('production');
  });
});
