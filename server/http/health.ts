import type { Deps } from '../deps.ts';

type State = 'ok' | 'down' | 'not configured';
export type Health = { ok: boolean; database: State; redis: State; bus: Deps['bus']['mode']; queue: Deps['queue']['mode'] };

const probe = async (check: () => Promise<unknown>, timeoutMs = 2000): Promise<State> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
};

export const checkHealth = async (deps: Deps): Promise<Health> => {
  const redis = deps.redis;
  const [database, redisState] = await Promise.all([
    probe(() => deps.db.$queryRaw`SELECT 1`),
    redis ? probe(() => redis.ping()) : Promise.resolve<State>('not configured'),
  ]);
  return { ok: database === 'ok' && redisState !== 'down', database, redis: redisState, bus: deps.bus.mode, queue: deps.queue.mode };
};
