import { Expiring } from './expiring';

describe('Expiring', () => {
  afterEach(() => jest.useRealTimers());

  it('loads once while fresh, again after the TTL', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new Expiring<number>(30_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get(load)).toBe(1);
    jest.setSystemTime(1_000_000 + 29_999);
    expect(await cache.get(load)).toBe(1);
    jest.setSystemTime(1_000_000 + 30_001);
    expect(await cache.get(load)).toBe(2);
  });

  it('callers arriving during a load share it', async () => {
    const cache = new Expiring<string>(30_000);
    let loads = 0;
    let release!: (v: string) => void;
    const load = () => {
      loads++;
      return new Promise<string>((r) => (release = r));
    };
    const a = cache.get(load);
    const b = cache.get(load);
    release('rules');
    expect(await Promise.all([a, b])).toEqual(['rules', 'rules']);
    expect(loads).toBe(1);
  });

  it('invalidate drops the value, and a load already running when it was called is not kept', async () => {
    const cache = new Expiring<string>(30_000);
    expect(await cache.get(async () => 'old')).toBe('old');
    cache.invalidate();
    let release!: (v: string) => void;
    const slow = cache.get(() => new Promise<string>((r) => (release = r)));
    cache.invalidate(); // an admin changed the settings while the load was reading
    release('read before the change');
    expect(await slow).toBe('read before the change');
    expect(await cache.get(async () => 'after the change')).toBe('after the change');
  });

  it('a failed load is not kept: the next caller tries again', async () => {
    const cache = new Expiring<number>(30_000);
    await expect(cache.get(async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get(async () => 7)).toBe(7);
  });
});
