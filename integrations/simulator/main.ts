/**
 * Runs the one-stop platform simulator as a service:
 *   node scripts/run.js integrations/simulator/main.ts        (from source)
 *   node dist/integrations/simulator/main.js                  (built image)
 *
 * Environment:
 *   SIMULATOR_PORT        default 4100 (PORT is used when SIMULATOR_PORT is unset)
 *   SIMULATOR_HOST        default 127.0.0.1 (HOST is used when SIMULATOR_HOST is unset)
 *   SIMULATOR_APP_KEY     default zhunru-demo
 *   SIMULATOR_APP_SECRET  default zhunru-demo-secret-change-me
 *   SIMULATOR_SEED        default zhunru
 *   SIMULATOR_SCALE       demo (default) | province
 *   SIMULATOR_LOG         1 → one JSON line per request on stdout
 */
import { DEFAULT_APP_KEY, DEFAULT_APP_SECRET, startSimulator } from './server';

async function main(): Promise<void> {
  const env = process.env;
  const pick = (...names: string[]) => names.map((n) => env[n]?.trim()).find((v) => v !== undefined && v !== '');
  const problems: string[] = [];

  const portText = pick('SIMULATOR_PORT', 'PORT') ?? '4100';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`SIMULATOR_PORT="${portText}" 应为 0 到 65535 之间的整数 (must be an integer from 0 to 65535)`);
  const scale = pick('SIMULATOR_SCALE') ?? 'demo';
  if (scale !== 'demo' && scale !== 'province') problems.push(`SIMULATOR_SCALE="${scale}" 应为 demo 或 province (must be demo or province)`);
  const appSecret = pick('SIMULATOR_APP_SECRET') ?? DEFAULT_APP_SECRET;
  if (appSecret.length < 16) problems.push('SIMULATOR_APP_SECRET 至少 16 个字符 (must be at least 16 characters)');
  const logText = pick('SIMULATOR_LOG') ?? '0';
  if (problems.length) {
    console.error(`模拟器配置无效 (invalid simulator configuration):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(2);
  }

  const started = Date.now();
  const sim = await startSimulator({
    port,
    host: pick('SIMULATOR_HOST', 'HOST') ?? '127.0.0.1',
    appKey: pick('SIMULATOR_APP_KEY') ?? DEFAULT_APP_KEY,
    appSecret,
    dataset: { scale: scale as 'demo' | 'province', seed: pick('SIMULATOR_SEED') ?? 'zhunru' },
    log: /^(1|true|yes|on)$/i.test(logText),
  });
  const counts = sim.dataset.counts();
  console.log(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'info',
      msg: `省一体化政务服务平台模拟器已启动 (platform simulator listening) ${sim.url}`,
      scale: sim.dataset.scale,
      seed: sim.dataset.seed,
      records: counts,
      communities: sim.dataset.geography.communities.length,
      startMs: Date.now() - started,
    }),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: `模拟器停止 (simulator stopping) on ${signal}` }));
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
  console.error('模拟器启动失败 (simulator failed to start):', e);
  process.exit(1);
});
