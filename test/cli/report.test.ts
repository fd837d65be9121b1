import { describe, expect, it } from 'vitest';
import { analyzeModel, getZooModel } from '../../src/core';
import { reportJson } from '../../src/core/report';
import { assumptionsOf } from '../../src/core/report/worksheet';
import { runCli } from './cli-run';

describe('convscope report', () => {
  const resnet = analyzeModel(getZooModel('resnet18')!);

  it('md: assumptions first, exact totals from the analysis, one table row per layer plus the total', async () => {
    const r = await runCli('report', 'zoo:resnet18', '--format', 'md');
    expect(r.code).toBe(0);
    const assumptions = r.out.indexOf('## Assumptions');
    expect(assumptions).toBeGreaterThan(0);
    expect(assumptions).toBeLessThan(r.out.indexOf('## Totals'));
    for (const line of assumptionsOf(resnet.options)) expect(r.out).toContain(`- ${line}`);
    expect(r.out).toContain(`| Parameters | ${resnet.totals.params.toLocaleString('en-US')} |`);
    expect(r.out).toContain(`| MACs | ${resnet.totals.macs.toLocaleString('en-US')} |`);
    const table = r.out.slice(r.out.indexOf('## Per layer'));
    expect(table.split('\n').filter((l) => l.startsWith('| ')).length).toBe(2 + resnet.layers.length + 1); // header, separator, layers, total
    expect(table).toMatch(/^\| total \| /m);
  });

  it('the convention and dtype chosen are stated at the top', async () => {
    const r = await runCli(
      'report',
      'zoo:lenet5',
      '--format',
      'md',
      '--convention',
      'macs',
      '--dtype',
      'fp16',
    );
    expect(r.out).toContain(
      '- FLOPs are counted as MACs (1 per multiply-accumulate); no other operation is counted.',
    );
    expect(r.out).toContain('- Memory at fp16 (2 bytes per element)');
    expect(r.out).toContain('| FLOPs (counted as MACs) |');
  });

  it('html: a printable page with the four charts as SVG', async () => {
    const r = await runCli('report', 'zoo:resnet18', '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/);
    expect(r.out.match(/<svg[\s>]/g)).toHaveLength(4);
    expect(r.out).toContain('<h2>Assumptions</h2>');
    expect(r.out).toContain(`<td class="n">${resnet.totals.params.toLocaleString('en-US')}</td>`);
  });

  it('html: names from a model file are text, never markup', async () => {
    const r = await runCli('report', 'test/fixtures/models/hostile-strings.json', '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/<script|<img|onerror=/i);
  });

  it('csv is the analysis CSV; json the analysis document with the assumptions', async () => {
    expect((await runCli('report', 'zoo:vgg11', '--format', 'csv')).out).toBe(
      (await runCli('analyze', 'zoo:vgg11', '--csv')).out,
    );
    const doc = JSON.parse((await runCli('report', 'zoo:vgg11', '--format=json')).out);
    const vgg = analyzeModel(getZooModel('vgg11')!);
    expect(doc).toEqual(
      JSON.parse(JSON.stringify({ assumptions: assumptionsOf(vgg.options), ...reportJson(vgg) })),
    );
  });

  it.each([
    [['zoo:lenet5'], /--format is required: md, html, csv or json/],
    [['zoo:lenet5', '--format', 'pdf'], /--format must be md, html, csv or json, got "pdf"/],
    [['zoo:lenet5', '--format', 'md', '--json'], /use --format json/],
    [['--format', 'md'], /missing model/],
  ])('usage errors name the problem: %j', async (args, message) => {
    const r = await runCli('report', ...args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });
});
