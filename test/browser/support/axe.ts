import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serious and critical axe violations within `include` (a selector; the whole document when
 * absent), each as `rule (count): targets`. It first waits for running animations to end: a
 * dialog measured while it fades in has every text at part opacity, which reads as failing
 * contrast (seen on a loaded CI machine).
 */
export async function axe(page: Page, include?: string): Promise<string[]> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (selector) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: unknown }[] }[] };
    const run = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<Result> } }).axe.run;
    const result = await run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.slice(0, 5).map((n) => n.target))}`);
  }, include ?? null);
}
