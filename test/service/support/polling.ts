import { register } from 'prom-client';

/** Polls `check` every 20 ms until it holds; fails after `ms`. */
export async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A counter's total for one value of its `source` label (memory or database reads of a per-process cache). */
export async function counterBySource(name: string, source: string): Promise<number> {
  const values = (await register.getSingleMetric(name)?.get())?.values ?? [];
  return values.filter((v) => v.labels.source === source).reduce((s, v) => s + v.value, 0);
}
