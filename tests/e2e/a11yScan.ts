// axe-core scans for the accessibility spec (a11y.spec.ts): one scan per view (a page, a tab, an
// open drawer or dialog), every rule axe ships with, the result kept per view so a run can be
// written up as a table (A11Y_RESULTS names a JSON-lines file to append to).
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';

export interface ViewResult {
  view: string;
  /** Per impact: the rule ids found and how many nodes each. */
  rules: Array<{ id: string; impact: Impact; nodes: number; targets: string[]; help: string; colours?: string[] }>;
}

/**
 * Scans the page (or only `within`, an open drawer or dialog) once its transitions have settled,
 * records the result and asserts, softly so every view is still scanned, that nothing critical or
 * serious was found: the message names each rule and the first node targets.
 */
export async function scanView(page: Page, view: string, within?: string): Promise<ViewResult> {
  // Mantine's open/close transitions (opacity) would make colour contrast read wrong mid-way.
  await page.waitForTimeout(400);
  let builder = new AxeBuilder({ page });
  if (within) builder = builder.include(within);
  const { violations } = await builder.analyze();
  const result: ViewResult = {
    view,
    rules: violations.map((v) => ({
      id: v.id,
      impact: (v.impact ?? 'minor') as Impact,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
      help: v.help,
      // For contrast: each distinct foreground/background pair, its ratio and one element showing it.
      colours:
        v.id === 'color-contrast'
          ? [
              ...new Set(
                v.nodes.map((n) => {
                  const data = n.any[0]?.data as
                    { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
                  return `${data?.fgColor} on ${data?.bgColor} ${data?.contrastRatio}:1 e.g. ${n.html.slice(0, 120)}`;
                }),
              ),
            ]
          : undefined,
    })),
  };
  const file = process.env.A11Y_RESULTS;
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, JSON.stringify(result) + '\n');
  }
  const blocking = result.rules.filter((r) => r.impact === 'critical' || r.impact === 'serious');
  expect
    .soft(
      blocking.map((r) => `${r.impact} ${r.id} ×${r.nodes} (${r.help}): ${r.targets.join(' | ')}`),
      `「${view}」不应有严重（critical/serious）无障碍问题`,
    )
    .toEqual([]);
  return result;
}

/** The focused element: what it is, and whether its focus ring shows (≥ 2px outline or a ring shadow). */
export async function focusedElement(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    // A field inside a Mantine input box (a multi-select's typing field) shows its ring on the box.
    const style = getComputedStyle(el.closest('.mantine-Input-input') ?? el);
    const ring =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
      (style.boxShadow !== 'none' && style.boxShadow !== '');
    return {
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute('href'),
      inNav: !!el.closest('nav'),
      inMain: !!el.closest('main'),
      inHeader: !!el.closest('header'),
      ring,
      outlineColor: style.outlineColor,
    };
  });
}
