import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The project's axe-core (package.json pins it) rather than the one @axe-core/playwright bundles,
 * so the rules checked move only when the project moves them.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serious and critical axe violations within `include` (a selector; the whole document when
 * absent), each as `rule (count): targets`, found with @axe-core/playwright. It first waits for
 * running animations to end: a dialog measured while it fades in has every text at part opacity,
 * which reads as failing contrast (seen on a loaded CI machine).
 */
export async function axe(page: Page, include?: string): Promise<string[]> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const builder = new AxeBuilder({ page, axeSource: AXE_SOURCE });
  if (include) builder.include(include);
  // A sandboxed frame (the e-mail preview: no scripts may run in it) cannot take axe: the run
  // would wait for it for good. What it shows is an e-mail, not the console.
  builder.exclude('iframe[sandbox]');
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.slice(0, 5).map((n) => n.target))}`);
}
