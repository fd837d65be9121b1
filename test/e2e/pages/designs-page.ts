import { expect, type Locator, type Page } from '@playwright/test';

/** The Designs page: list, create dialog, rename dialog, delete confirmation. */
export class DesignsPage {
  readonly rows: Locator;
  readonly dialog: Locator;
  readonly nameInput: Locator;
  readonly modelInput: Locator;
  readonly dialogError: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('design-row');
    this.dialog = page.getByTestId('design-dialog');
    this.nameInput = page.getByTestId('design-name-input').locator('input');
    this.modelInput = page.getByTestId('design-model-input').locator('textarea');
    this.dialogError = page.getByTestId('design-error');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('design-name').getByText(name, { exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.page
      .getByTestId('design-name')
      .allTextContents()
      .then((all) => all.map((s) => s.trim()));
  }

  async openCreateDialog(): Promise<void> {
    await this.page.getByTestId('design-new').click();
    await expect(this.dialog).toBeVisible();
  }

  /** Fills the create dialog and presses Create; `model` replaces the prefilled example when given. */
  async submitCreate(name: string, model?: string): Promise<void> {
    await this.openCreateDialog();
    await this.nameInput.fill(name);
    if (model !== undefined) await this.modelInput.fill(model);
    await this.page.getByTestId('design-create').click();
  }

  async create(name: string, model?: string): Promise<void> {
    await this.submitCreate(name, model);
    await expect(this.dialog).toBeHidden();
    await expect(this.row(name)).toHaveCount(1);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.row(from).getByTestId('design-rename').click();
    const input = this.page.getByTestId('rename-input').locator('input');
    await expect(input).toHaveValue(from);
    await input.fill(to);
    await this.page.getByTestId('rename-save').click();
    await expect(this.page.getByTestId('rename-dialog')).toBeHidden();
  }

  async openDelete(name: string): Promise<Locator> {
    await this.row(name).getByTestId('design-delete').click();
    const dialog = this.page.getByTestId('delete-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async delete(name: string): Promise<void> {
    const dialog = await this.openDelete(name);
    await this.page.getByTestId('delete-confirm').click();
    await expect(dialog).toBeHidden();
  }
}
