/**
 * The platform adapter from the environment (PLATFORM_*), validated like src/config.ts,
 * and its request pacing toward the platform (real simulator over HTTP).
 */
import { ConfigError } from '../src/config';
import { RateLimitedAdapter, platformAdapterFromEnv, platformSettingsFromEnv } from '../src/platform/service/platform-adapter';
import { adapterFor, startSim } from './support/platform';

describe('platform settings from the environment', () => {
  it('unset PLATFORM_BASE_URL means no platform: sync jobs log and skip', () => {
    expect(platformSettingsFromEnv({})).toBeNull();
    expect(platformAdapterFromEnv({ PLATFORM_BASE_URL: '  ' })).toBeNull();
  });

  it('reads a complete configuration, with defaults', () => {
    expect(
      platformSettingsFromEnv({ PLATFORM_BASE_URL: 'https://zwfw.example.gov.cn/api', PLATFORM_APP_KEY: 'k', PLATFORM_APP_SECRET: 's'.repeat(16) }),
    ).toEqual({
      baseUrl: 'https://zwfw.example.gov.cn/api',
      appKey: 'k',
      appSecret: 's'.repeat(16),
      timeoutMs: 10_000,
      maxRetries: 4,
      requestsPerSecond: 20,
    });
    const adapter = platformAdapterFromEnv({
      PLATFORM_BASE_URL: 'http://127.0.0.1:4100',
      PLATFORM_APP_KEY: 'k',
      PLATFORM_APP_SECRET: 's'.repeat(16),
      PLATFORM_REQUESTS_PER_SECOND: '5',
    });
    expect(adapter).toBeInstanceOf(RateLimitedAdapter);
  });

  it('reports every bad value at once, in Chinese and English', () => {
    let error: unknown;
    try {
      platformSettingsFromEnv({ PLATFORM_BASE_URL: 'ftp://x', PLATFORM_APP_SECRET: 'short', PLATFORM_TIMEOUT_MS: '10', PLATFORM_REQUESTS_PER_SECOND: 'many' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/PLATFORM_BASE_URL .*协议.*protocol/);
    expect(problems.join('\n')).toMatch(/PLATFORM_APP_KEY/);
    expect(problems.join('\n')).toMatch(/PLATFORM_APP_SECRET 至少 16 个字符/);
    expect(problems.join('\n')).toMatch(/PLATFORM_TIMEOUT_MS="10"/);
    expect(problems.join('\n')).toMatch(/PLATFORM_REQUESTS_PER_SECOND="many"/);
    expect(() => platformSettingsFromEnv({ PLATFORM_BASE_URL: 'not a url', PLATFORM_APP_KEY: 'k', PLATFORM_APP_SECRET: 's'.repeat(16) })).toThrow(
      /不是有效的 URL/,
    );
  });

  it('paces requests toward the platform', async () => {
    const sim = await startSim();
    try {
      const adapter = new RateLimitedAdapter(adapterFor(sim), 10);
      const started = Date.now();
      await Promise.all(Array.from({ length: 6 }, () => adapter.listBusinessApps({ pageSize: 1 })));
      expect(Date.now() - started).toBeGreaterThanOrEqual(480); // 6 requests at 10/s: the last starts ≥ 500 ms after the first
      expect(sim.stats().requests.api).toBe(6);
    } finally {
      await sim.close();
    }
  });
});
