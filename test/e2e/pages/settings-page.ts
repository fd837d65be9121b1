import { expect, type Page } from '@playwright/test';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type LocaleChoice = 'system' | 'en' | 'zh-CN';

/** The Settings page's theme and language switches. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async setTheme(choice: ThemeChoice): Promise<void> {
    await this.page.getByTestId(`theme-${choice}`).click();
    await this.expectChecked(`theme-${choice}`);
  }

  async setLocale(choice: LocaleChoice): Promise<void> {
    await this.page.getByTestId(`locale-${choice}`).click();
    await this.expectChecked(`locale-${choice}`);
  }

  async expectChecked(testId: string): Promise<void> {
    await expect(this.page.getByTestId(testId).locator('input')).toBeChecked();
  }
}
