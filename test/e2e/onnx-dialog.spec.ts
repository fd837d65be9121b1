import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../src/renderer/src/locales/en/designs';
import zhCN from '../../src/renderer/src/locales/zh-CN/designs';
import { repoRoot, test, expect } from './fixtures';
import { FIXTURES, openInDialog, pageIn } from './pages/onnx-dialog';

/**
 * The Open ONNX dialog explains what it changed: BatchNorm folded by the exporter (and the parameters
 * that moved), and the nodes left out of the model with the reason, in English and Chinese.
 */

/** PyTorch's numbers for the module each fixture was exported from (make_fixtures.py). */
const pytorch: Record<string, { params: number; bn_channels?: number }> = JSON.parse(
  readFileSync(join(FIXTURES, 'expected.json'), 'utf8'),
);

interface CliOnnx {
  totals: { params: number };
  skipped: { node: string; op: string; reason: string }[];
}

/** The core's import of a fixture, through the CLI (the spec runner cannot load the generated protobuf code). */
function cli(name: string): CliOnnx {
  const run = spawnSync(
    process.execPath,
    ['bin/convscope.mjs', 'analyze', join(FIXTURES, `${name}.onnx`), '--json'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as CliOnnx;
}

const grouped = (n: number) => n.toLocaleString('en-US');

// Each test drives the workspace on a shared 2-core machine: allow for a slow machine.
test.describe.configure({ timeout: 180_000 });

test('a folded ResNet-18: the dialog says BatchNorm was folded and where the parameters went', async ({
  page,
  web,
}) => {
  const ref = pytorch.resnet18_folded;
  const imported = cli('resnet18_folded');
  // The folded model lacks one parameter per BatchNorm channel: 2C scale and shift gone, C bias added.
  expect(imported.totals.params).toBe(ref.params - ref.bn_channels!);

  await openInDialog(page, web.url, 'resnet18_folded');
  await expect(page.getByTestId('onnx-params')).toHaveAttribute('data-value', String(imported.totals.params));
  const folded = page.getByTestId('onnx-folded');
  await expect(folded).toBeVisible();
  await expect(folded).toHaveAttribute('data-channels', String(ref.bn_channels));
  await expect(folded).toHaveAttribute('data-with-batchnorm', String(ref.params));
  await expect(folded).toContainText(en.designs.onnx.foldedTitle);
  // 11,684,712 here where PyTorch has 11,689,512: 4,800 more.
  await expect(folded).toContainText(`${grouped(imported.totals.params)} parameters`);
  await expect(folded).toContainText(
    `with BatchNorm has ${grouped(ref.params)}: ${grouped(ref.bn_channels!)} more`,
  );
  await expect(page.getByTestId('onnx-left-out')).toHaveCount(0);

  // Kept BatchNorm (a training-mode export): nothing folded, parameters as PyTorch counts them.
  await page.getByTestId('onnx-file').setInputFiles(join(FIXTURES, 'resnet18_bn.onnx'));
  await expect(page.getByTestId('onnx-params')).toHaveAttribute(
    'data-value',
    String(pytorch.resnet18_bn.params),
  );
  await expect(page.getByTestId('onnx-folded')).toHaveCount(0);
});

test('an unsupported operator: the dialog lists the nodes left out and why', async ({ page, web }) => {
  const imported = cli('unsupported');
  expect(imported.skipped.length).toBeGreaterThan(1);
  await openInDialog(page, web.url, 'unsupported');
  const section = page.getByTestId('onnx-left-out');
  await expect(section).toContainText(
    en.designs.onnx.leftOut.replace('{count}', String(imported.skipped.length)),
  );
  // Every node the import left out is named, the unsupported one with its reason.
  for (const s of imported.skipped) await expect(section).toContainText(s.node);
  const head = page.getByTestId('onnx-left-out-group').first();
  await expect(head).toContainText(`TopK “/TopK”: ${en.designs.onnx.cause.unsupported}`);
  await expect(head.getByTestId('onnx-left-out-dependants')).toContainText('/c3/Conv');
});

test('in Chinese the explanations are in Chinese', async ({ browser, web }) => {
  const page = await pageIn(web, browser, 'zh-CN');
  await openInDialog(page, web.url, 'resnet18_folded');
  const folded = page.getByTestId('onnx-folded');
  await expect(folded).toContainText(zhCN.designs.onnx.foldedTitle);
  await expect(folded).toContainText(`多出 ${grouped(pytorch.resnet18_folded.bn_channels!)} 个`);
  await page.getByTestId('onnx-file').setInputFiles(join(FIXTURES, 'unsupported.onnx'));
  await expect(page.getByTestId('onnx-left-out-group').first()).toContainText(
    zhCN.designs.onnx.cause.unsupported,
  );
  await page.context().close();
});
