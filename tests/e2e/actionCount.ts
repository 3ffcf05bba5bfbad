// Counts what a person does in a browser test, step by step: clicks (and key presses that stand for
// one), typed fields and file choices. The issue texts set limits on these counts; print() shows
// them in the test's output for the closing note.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

type FileChoice = string | Array<{ name: string; mimeType: string; buffer: Buffer }>;

export class ActionCount {
  readonly steps: { step: string; clicks: number; typed: number; files: number }[] = [];
  private current = { step: '', clicks: 0, typed: 0, files: 0 };
  step(name: string): void {
    this.current = { step: name, clicks: 0, typed: 0, files: 0 };
    this.steps.push(this.current);
  }
  async click(target: Locator): Promise<void> {
    this.current.clicks += 1;
    await target.click();
  }
  /**
   * A click on something the app may take away by itself first (重新登录 after a restore, when the
   * app has already heard that the session ended and gone to 登录): counted only when it happened.
   * Any other failure is still one.
   */
  async clickUnlessGone(target: Locator, timeout = 5_000): Promise<boolean> {
    try {
      await target.click({ timeout });
    } catch (error) {
      if (await target.isVisible()) throw error;
      return false;
    }
    this.current.clicks += 1;
    return true;
  }
  /** A key press (Escape to close a drawer) counts as a click. */
  async press(page: Page, key: string): Promise<void> {
    this.current.clicks += 1;
    await page.keyboard.press(key);
  }
  async check(target: Locator): Promise<void> {
    this.current.clicks += 1;
    await target.check();
  }
  async fill(target: Locator, value: string): Promise<void> {
    this.current.typed += 1;
    await target.fill(value);
  }
  async choose(target: Locator, files: FileChoice): Promise<void> {
    this.current.files += 1;
    await target.setInputFiles(files);
  }
  total(step: string): number {
    const found = this.steps.find((entry) => entry.step === step)!;
    return found.clicks + found.typed + found.files;
  }
  print(): void {
    const lines = this.steps.map(
      (entry) =>
        `  ${entry.step}：共 ${entry.clicks + entry.typed + entry.files} 步（点击 ${entry.clicks}，输入 ${entry.typed}，选择文件 ${entry.files}）`,
    );
    const all = this.steps.reduce((sum, entry) => sum + entry.clicks + entry.typed + entry.files, 0);
    console.log(`每一步的操作次数：\n${lines.join('\n')}\n  合计：${all} 步`);
  }
}

/** The 同步 page's steps as a person takes them, counted: open the page, a tab, choose a file, import. */
export function syncPageSteps(count: ActionCount) {
  return {
    gotoSync: async (page: Page) => {
      await count.click(page.getByRole('navigation').getByText('同步', { exact: true }));
      await expect(page.getByTestId('sync-page')).toBeVisible();
    },
    tab: (page: Page, name: string) => count.click(page.getByRole('tab', { name })),
    chooseFile: async (page: Page, file: string) => {
      await count.choose(page.getByTestId('sync-file-input'), file);
      await expect(page.getByTestId('bundle-summary')).toBeVisible({ timeout: 30_000 });
    },
    importNow: async (page: Page, outcome: 'imported' | 'unchanged' = 'imported') => {
      await count.click(page.getByTestId('sync-import-button'));
      const result = page.getByTestId('sync-import-result');
      await expect(result).toBeVisible({ timeout: 30_000 });
      await expect(result).toHaveAttribute('data-outcome', outcome);
      return result;
    },
  };
}
