import { expect, type Locator, type Page } from '@playwright/test';

export const PAGES = ['home', 'lessons', 'practice', 'designs', 'gradients', 'progress', 'settings'] as const;
export type PageName = (typeof PAGES)[number];

export const PAGE_PATHS: Record<PageName, string> = {
  home: '/',
  lessons: '/lessons',
  practice: '/practice',
  designs: '/designs',
  gradients: '/gradients',
  progress: '/progress',
  settings: '/settings',
};

/** The frame around every page: side navigation, theme and language as the document shows them. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Opens the app served at `baseUrl` (the web edition's URL), optionally at a route. */
  async open(baseUrl: string, name: PageName = 'home'): Promise<void> {
    await this.page.goto(`${baseUrl}#${PAGE_PATHS[name]}`);
    await this.expectPage(name);
  }

  navLink(name: PageName): Locator {
    return this.page.getByTestId(`nav-${name}`);
  }

  async navigate(name: PageName): Promise<void> {
    await this.navLink(name).click();
    await this.expectPage(name);
  }

  async expectPage(name: PageName): Promise<void> {
    await expect(this.page.getByTestId(`page-${name}`)).toBeVisible();
    const hash = PAGE_PATHS[name];
    await expect(this.page).toHaveURL(new RegExp(`#${hash.replace('/', '\\/')}$`));
  }

  /** The theme the app applied: the `data-theme` attribute its CSS variables key on. */
  theme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-theme');
  }

  lang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }
}
