import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zhCN from '../../src/renderer/src/locales/zh-CN';
import { writeOnnxModel } from '../helpers/onnx-writer';
import { repoRoot, test, expect } from './fixtures';
import { AppShell } from './pages/app-shell';
import { FIXTURES, pageIn } from './pages/onnx-dialog';

/**
 * A file the ONNX dialog cannot open, in Chinese: text that is not a model, a model cut short and an
 * empty file each read as a Chinese sentence saying what is wrong with the file, at which byte; a node
 * whose weight does not fit its input names the node and says why in Chinese too.
 */

/** The CLI's refusal of the same bytes, in English: the byte it names must be the one the page names. */
function refusal(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'onnx-errors-'));
  writeFileSync(join(dir, name), bytes);
  const r = spawnSync(process.execPath, ['bin/convscope.mjs', 'analyze', join(dir, name)], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(r.status, r.stdout).not.toBe(0);
  return r.stderr;
}

/** The Latin words left once the format's own names (and the file's node names) are taken out: none may remain. */
const english = (text: string) =>
  text.replace(/ONNX|IR|wire type|Conv_0|Conv/g, '').match(/[A-Za-z]{2,}/g) ?? [];

const notes = zhCN.modelErrors.notes;
const full = readFileSync(join(FIXTURES, 'unsupported.onnx'));
const CASES = [
  {
    name: 'notes.onnx',
    bytes: new TextEncoder().encode('This is a text file, not a model.\n'),
    says: notes['onnx-invalid-at'].split('（')[0],
  },
  {
    name: 'cut.onnx',
    bytes: new Uint8Array(full.subarray(0, 200)),
    says: notes['onnx-truncated'].split('第')[0],
  },
  { name: 'empty.onnx', bytes: new Uint8Array(0), says: notes['onnx-empty'] },
  {
    name: 'node.onnx',
    bytes: writeOnnxModel({
      input: [3, 8, 8],
      nodes: [{ opType: 'Conv', consts: [{ dims: [4, 5, 3, 3], dataType: 'float' }] }],
    }),
    says: notes['onnx-conv-group'].replace('{dims}', '[4, 5, 3, 3]').split('{')[0].trim(),
  },
];

test('in Chinese a file that is not a usable ONNX model is refused in Chinese, naming what is wrong', async ({
  browser,
  web,
}) => {
  const page = await pageIn(web, browser, 'zh-CN');
  await new AppShell(page).open(web.url, 'designs');
  await page.getByTestId('design-onnx').click();
  for (const c of CASES) {
    const cli = refusal(c.name, c.bytes);
    await page.getByTestId('onnx-file').setInputFiles({
      name: c.name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(c.bytes),
    });
    const shown = page.getByTestId('onnx-error');
    await expect(shown).toContainText(zhCN.designs.onnx.error.split('{')[0]);
    await expect(shown).toContainText(c.says);
    const pos = /at byte (\d+)/.exec(cli)?.[1];
    if (pos) await expect(shown).toContainText(`第 ${pos} 字节`);
    expect(english(await shown.innerText()), cli).toEqual([]);
  }
  await page.context().close();
});
