import { expect, type Locator, type Page } from '@playwright/test';

/** The Progress page: totals, charts, the review queue. */
export class ProgressPage {
  readonly reviewRows: Locator;

  constructor(readonly page: Page) {
    this.reviewRows = page.getByTestId('review-row');
  }

  stat(key: 'attempts' | 'correct' | 'accuracy' | 'streak' | 'reviewsDue'): Locator {
    return this.page.getByTestId(`progress-${key}`);
  }

  async expectStat(key: 'attempts' | 'correct' | 'reviewsDue', value: number): Promise<void> {
    await expect(this.stat(key)).toHaveAttribute('data-value', String(value));
  }

  /** Exports all data through the "Your data" card and returns the saved file's path. */
  async exportData(path: string): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('data-export').click(),
    ]);
    await download.saveAs(path);
    return path;
  }

  /** Chooses a data file to import (a preview runs first). */
  async importData(path: string): Promise<void> {
    await this.page.getByTestId('data-import-file').setInputFiles(path);
  }

  /** Reviews the forecast chart shows as due now (the first bar's lower part). */
  async forecastDueNow(): Promise<number> {
    return Number(await this.page.getByTestId('chart-forecast').getAttribute('data-due-now'));
  }

  /** Reviews the forecast chart counts over the next 14 days. */
  async forecastTotal(): Promise<number> {
    return Number(await this.page.getByTestId('chart-forecast').getAttribute('data-total'));
  }
}
