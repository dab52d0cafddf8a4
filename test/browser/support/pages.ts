import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const AXE = require.resolve('axe-core/axe.min.js');
export const SCREENSHOT_DIR = process.env['SCREENSHOT_DIR'] ?? join(__dirname, '..', '..', '..', 'dist', 'screenshots');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** axe-core in the page: the serious and critical violations (none is the bar). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  // React Aria's live announcer briefly holds `role=img` nodes naming a label by id (its way of announcing e.g. a
  // pending button); they are announcements, not images, and leave after a few seconds.
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run({ exclude: [['[data-live-announcer]']] }, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`).join(' | ')}`,
    );
}

/** The page at phone (390 px) and desktop (1280 px) width, kept for CI artifacts; the viewport is restored. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const [label, width, height] of [
    ['phone', 390, 844],
    ['desktop', 1280, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(viewport);
}

/** Accessibility and screenshots for a page that has finished loading. */
export async function checkPage(page: Page, name: string): Promise<void> {
  // Judge the settled page, not a colour mid-transition.
  await page.evaluate(`Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)))`);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, name);
}
