import { expect, type Locator, type Page } from '@playwright/test';

/** The Gradient Lab: presets, run controls, numbers panel, charts, saved runs. */
export class GradientsPage {
  readonly rows: Locator;
  readonly savedRows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('lab-run-row');
    this.savedRows = page.getByTestId('lab-saved-row');
  }

  /** Opens the page with a preset through the URL the lessons link to. */
  async openPreset(baseUrl: string, preset: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/gradients?preset=${preset}`);
    await expect(this.page.getByTestId('page-gradients')).toBeVisible({ timeout: 30_000 });
    await expect(this.page.getByTestId('lab-caption')).toBeVisible({ timeout: 30_000 });
  }

  row(index: number): Locator {
    return this.rows.nth(index);
  }

  /** The row of the run of this name in the numbers tables (a run's name is unique in the comparison). */
  runNamed(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('lab-run-name').getByText(name, { exact: true }) });
  }

  async run(): Promise<void> {
    await this.page.getByTestId('lab-run').click();
  }

  async waitDone(index: number, timeout = 240_000): Promise<void> {
    await expect(this.row(index)).toHaveAttribute('data-status', 'done', { timeout });
  }

  async save(index: number, name: string): Promise<void> {
    await this.row(index).getByTestId('lab-save').click();
    await expect(this.page.getByTestId('lab-save-dialog')).toBeVisible();
    await this.page.getByTestId('lab-save-name').locator('input').fill(name);
    await this.page.getByTestId('lab-save-confirm').click();
    // The dialog closes once the server has stored the run (its curves too): slower on a busy machine.
    await expect(this.page.getByTestId('lab-save-dialog')).toBeHidden({ timeout: 30_000 });
  }

  savedRow(name: string): Locator {
    return this.savedRows.filter({
      has: this.page.getByTestId('lab-saved-name').getByText(name, { exact: true }),
    });
  }
}
