import { describe, expect, it } from 'vitest';
import { decodeShare, getZooModel } from '../../src/core';
import { runCli } from './cli-run';

describe('convscope share', () => {
  it('prints a share code or link that opens the same model, and analyze takes it in place of a model', async () => {
    const code = await runCli('share', 'zoo:lenet5', '--convention', 'macs');
    expect(code.err).toBe('');
    expect(code.code).toBe(0);
    expect(code.out.trim()).toMatch(/^cs1\.[A-Za-z0-9_-]+$/);
    const shared = await decodeShare(code.out.trim());
    expect(shared.model.layers).toEqual(getZooModel('lenet5')!.layers);
    expect(shared.convention).toBe('macs');

    const link = await runCli('share', 'zoo:lenet5', '--base', 'http://127.0.0.1:5173/');
    expect(link.out.trim()).toMatch(/^http:\/\/127\.0\.0\.1:5173\/#\/designs\?share=cs1\./);

    const fromLink = await runCli('analyze', link.out.trim(), '--json');
    const fromZoo = await runCli('analyze', 'zoo:lenet5', '--json');
    expect(fromLink.code).toBe(0);
    expect(JSON.parse(fromLink.out).totals).toEqual(JSON.parse(fromZoo.out).totals);
  });

  it('a damaged link is one clear error line', async () => {
    const code = (await runCli('share', 'zoo:lenet5')).out.trim();
    const res = await runCli('analyze', code.slice(0, -8));
    expect(res.code).toBe(1);
    expect(res.err.trim()).toBe(
      'convscope analyze: The share link is damaged (cut short or changed); ask for it again.',
    );
  });
});
