import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import {
  decodeShare,
  encodeShare,
  getZooModel,
  listZoo,
  MAX_SHARE_BYTES,
  SHARE_PREFIX,
  ShareLinkError,
  type ShareProblem,
  validateModel,
} from '../../../src/core';

/** The problem a share text is refused with (fails the test when it opens). */
async function problem(text: string): Promise<ShareProblem> {
  try {
    await decodeShare(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ShareLinkError);
    expect((error as Error).message.length).toBeGreaterThan(10);
    return (error as ShareLinkError).problem;
  }
  throw new Error(`the text opened: ${text.slice(0, 80)}`);
}

const code = (payload: unknown) =>
  SHARE_PREFIX + deflateSync(Buffer.from(JSON.stringify(payload))).toString('base64url');

describe('share links', () => {
  it('round-trip every zoo model, with and without a convention, as a link or a bare code', async () => {
    expect(listZoo().length).toBeGreaterThan(5);
    for (const entry of listZoo()) {
      const model = getZooModel(entry.name)!;
      const expected = validateModel(model);
      expect(expected.ok, entry.name).toBe(true);
      const text = await encodeShare({ model, convention: 'fvcore' });
      expect(text.startsWith(SHARE_PREFIX)).toBe(true);
      expect(text).toMatch(/^cs1\.[A-Za-z0-9_-]+$/);
      // Compact: well under the model file's size.
      expect(text.length, entry.name).toBeLessThan(JSON.stringify(model).length);
      const back = await decodeShare(`https://example.org/#/designs?share=${text}`);
      expect(back.model, entry.name).toEqual(expected.ok && expected.model);
      expect(back.convention).toBe('fvcore');
      const bare = await decodeShare(await encodeShare({ model }));
      expect(bare).toEqual({ model: expected.ok && expected.model });
    }
  });

  it('a damaged link is refused with a clear problem: cut, bit-flipped, wrong version, huge, not a link', async () => {
    const text = await encodeShare({ model: getZooModel(listZoo()[0]!.name)! });
    expect(await problem(text.slice(0, Math.floor(text.length / 2)))).toBe('damaged');
    expect(await problem(text.slice(0, -3))).toBe('damaged');
    // Every single-character change in the payload is caught (zlib's checksum, the model check).
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = SHARE_PREFIX.length; i < text.length; i += Math.max(1, Math.floor(text.length / 40))) {
      const c = text[i]!;
      const flipped = alphabet[(alphabet.indexOf(c) ^ 1) % 64]!;
      const changed = text.slice(0, i) + flipped + text.slice(i + 1);
      expect(['damaged', 'invalid-model']).toContain(await problem(changed));
    }
    expect(await problem(text.replace(/^cs1\./, 'cs2.'))).toBe('newer-version');
    expect(await problem('hello')).toBe('not-a-link');
    expect(await problem('')).toBe('not-a-link');
    expect(await problem(`cs1.${'A'.repeat(300_000)}`)).toBe('too-large');
    // A small link that would expand past the limit (a zip bomb) stops at the limit.
    const bomb = code({
      m: { name: 'x', input: [1], layers: [], description: ' '.repeat(MAX_SHARE_BYTES * 2) },
    });
    expect(bomb.length).toBeLessThan(10_000);
    expect(await problem(bomb)).toBe('too-large');
  });

  it('a well-formed link whose content is not a valid design is refused, naming what is wrong', async () => {
    expect(await problem(code([1, 2]))).toBe('damaged');
    expect(await problem(code({ m: 'model' }))).toBe('damaged');
    expect(await problem(code({ m: { name: 'x', input: [3, 8, 8], layers: [] }, c: { evil: 1 } }))).toBe(
      'damaged',
    );
    await expect(
      decodeShare(
        code({ m: { name: 'x', input: [3, 8, 8], layers: [{ id: 'c', op: 'conv2d', kernel: -1 }] } }),
      ),
    ).rejects.toThrow(/not a valid model: .*c/);
    await expect(decodeShare(code({ m: { name: 'x', input: 'big', layers: [] } }))).rejects.toThrow(
      /not a valid model/,
    );
  });
});
