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

/** Waits until the page has stopped loading: no request in flight for a moment, no skeleton, fonts and images in. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.getByTestId('loading').first().waitFor({ state: 'detached', timeout: 15_000 });
  await page.evaluate(`document.fonts.ready`);
  await page.evaluate(`Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)))`);
}

/**
 * What makes the page wider than its viewport: the document's scroll width against the window, and every element that
 * sticks out past the right (or left) edge without an ancestor that clips or scrolls it — the outermost of each, as
 * `tag#id.class "text"` with how far it reaches. Empty when nothing sticks out.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  // A string, not a function: this file compiles without the DOM's types.
  return page.evaluate<string[]>(`(() => {
    const width = window.innerWidth;
    const found = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) found.push('document is ' + scrollWidth + 'px wide in a ' + width + 'px window');
    const clips = (el) => {
      const style = getComputedStyle(el);
      return style.overflowX !== 'visible' || style.position === 'fixed';
    };
    const sticksOut = (el) => {
      const rect = el.getBoundingClientRect();
      return rect.width > 1 && rect.height > 1 && (rect.right > width + 0.5 || rect.left < -0.5);
    };
    const clippedAbove = (el) => {
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement)
        if (clips(parent)) return true;
      return false;
    };
    const describe = (el) => {
      const rect = el.getBoundingClientRect();
      const classes = typeof el.className === 'string' && el.className.trim()
        ? '.' + el.className.trim().split(/\\s+/).slice(0, 4).join('.') : '';
      const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
      return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes + ' "' + text + '" spans ' +
        Math.round(rect.left) + '–' + Math.round(rect.right) + 'px';
    };
    const out = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!sticksOut(el) || clippedAbove(el)) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || style.position === 'fixed') continue;
      out.push(el);
    }
    // The outermost of each (where it shows) and the innermost (what causes it).
    const outer = out.filter((el) => !out.includes(el.parentElement));
    const inner = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    for (const el of new Set([...outer, ...inner])) found.push(describe(el));
    return found.slice(0, 25);
  })()`);
}
