import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { MIME_TYPES } from './security';

export type StaticResult =
  | { status: 200; body: Buffer; contentType: string; file: string }
  | { status: 400 | 403 | 404; reason: string };

/**
 * Maps a URL path to a file inside `root`, refusing anything that would step outside it: `..` segments
 * (plain or percent-encoded), absolute paths, backslashes, NUL bytes and symlinked escapes are all refused.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<StaticResult> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, reason: 'malformed path encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\'))
    return { status: 400, reason: 'invalid characters in path' };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { status: 403, reason: 'path leaves the app folder' };
  const rootAbs = resolve(root);
  const file = resolve(rootAbs, ...(segments.length ? segments : ['index.html']));
  const rel = relative(rootAbs, file);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return { status: 403, reason: 'path leaves the app folder' };
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) return { status: 404, reason: 'not found' };
    // Refuse a symlink inside the folder that points outside it.
    const [realRoot, realFile] = await Promise.all([realpath(rootAbs), realpath(file)]);
    if (realFile !== realRoot && !realFile.startsWith(realRoot + sep))
      return { status: 403, reason: 'path leaves the app folder' };
    const body = await readFile(file);
    return {
      status: 200,
      body,
      file,
      contentType: MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    };
  } catch {
    return { status: 404, reason: 'not found' };
  }
}
