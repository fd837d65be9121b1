import { expect, type Locator, type Page } from '@playwright/test';

/** The Designs workspace: library, new-design dialog, editor, versions, compare and ONNX dialog. */
export class DesignsPage {
  readonly rows: Locator;
  readonly editor: Locator;
  readonly json: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('design-row');
    this.editor = page.getByTestId('editor');
    this.json = page.getByTestId('editor-json').locator('textarea');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('design-name').getByText(name, { exact: true }) });
  }

  async names(): Promise<string[]> {
    return (await this.page.getByTestId('design-name').allTextContents()).map((s) => s.trim());
  }

  tab(name: 'library' | 'editor' | 'erf' | 'compare'): Locator {
    return this.page.getByTestId('designs-tabs').locator(`.n-tabs-tab[data-name="${name}"]`);
  }

  /** Picks an option of a naive-ui select by its visible label. */
  async choose(select: Locator, label: string): Promise<void> {
    const option = this.page
      .locator('.n-base-select-option:visible')
      .filter({ hasText: new RegExp(`^${escape(label)}$`) });
    // The option lists are virtual: type to filter, so that the wanted option is rendered. A click on a
    // select that still has focus from the last pick may close its menu instead of opening it: then the
    // typing went nowhere, and the menu is opened again.
    await expect(async () => {
      if (!(await this.page.locator('.n-base-select-menu:visible').count())) await select.click();
      await expect(this.page.locator('.n-base-select-menu:visible')).toBeVisible({ timeout: 2_000 });
      const input = select.locator('input');
      if (await input.count()) await input.first().fill(label);
      else await this.page.keyboard.type(label);
      await expect(option.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await option.first().click();
  }

  async newDesign(name: string, zoo?: string): Promise<void> {
    await this.page.getByTestId('design-new').click();
    const dialog = this.page.getByTestId('new-dialog');
    await expect(dialog).toBeVisible();
    if (zoo) {
      await this.page.getByTestId('new-source-zoo').click();
      await this.choose(this.page.getByTestId('new-zoo'), zoo);
    }
    await this.page.getByTestId('new-name').locator('input').fill(name);
    await this.page.getByTestId('new-create').click();
    await expect(dialog).toBeHidden();
    await expect(this.editor).toBeVisible();
  }

  async addLayer(op: string): Promise<void> {
    await this.choose(this.page.getByTestId('layer-add-op'), op);
    await this.page.getByTestId('layer-add').click();
  }

  layerRow(id: string): Locator {
    return this.page.getByTestId('layer-row').and(this.page.locator(`[data-layer-id="${id}"]`));
  }

  async selectLayer(id: string): Promise<void> {
    await this.layerRow(id).click();
  }

  /** Types into a field of the selected layer's form. */
  async setField(key: string, value: string): Promise<void> {
    const input = this.page.getByTestId(`field-${key}`).locator('input');
    await input.fill(value);
  }

  async model(): Promise<Record<string, unknown>> {
    await this.page.locator('.n-tabs-tab[data-name="json"]').click();
    const text = await this.json.inputValue();
    await this.page.locator('.n-tabs-tab[data-name="layers"]').click();
    return JSON.parse(text) as Record<string, unknown>;
  }

  total(name: 'params' | 'macs' | 'flops' | 'activation'): Locator {
    return this.page.getByTestId(`total-${name}`);
  }

  async totalValue(name: 'params' | 'macs' | 'flops' | 'activation'): Promise<number> {
    return Number(await this.total(name).getAttribute('data-value'));
  }

  async save(): Promise<void> {
    await this.page.getByTestId('editor-save').click();
    await expect(this.page.getByTestId('editor-status')).toHaveText('All changes saved');
  }

  /** Exports the open design through the editor's Export menu and saves the file at `path`. */
  async exportAs(
    item: 'Design as JSON' | 'Per-layer table as CSV' | 'PyTorch module (.py)',
    path: string,
  ): Promise<string> {
    await this.page.getByTestId('editor-export').click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByText(item).click(),
    ]);
    await download.saveAs(path);
    return path;
  }

  /** The editor's design as a share link (Export ▾ → Copy share link), read from the share dialog. */
  async shareLink(): Promise<string> {
    await this.page.getByTestId('editor-export').click();
    await this.page.getByText('Copy share link').click();
    const text = this.page.getByTestId('share-link-text').locator('textarea');
    await expect(text).toHaveValue(/#\/designs\?share=cs1\./);
    const link = await text.inputValue();
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('share-modal')).toBeHidden();
    return link;
  }

  /** Pastes a share link (or code) into the Designs page's "Open share link" box and opens it. */
  async openShareText(text: string): Promise<void> {
    await this.page.getByTestId('share-open-button').click();
    await this.page.getByTestId('share-open-text').locator('textarea').fill(text);
    await this.page.getByTestId('share-open').click();
  }

  async openFromLibrary(name: string): Promise<void> {
    await this.tab('library').click();
    await this.row(name).getByTestId('design-open').click();
    await expect(this.editor).toBeVisible();
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
