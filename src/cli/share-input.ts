import { UsageError } from './io';

/** Whether a model argument is a share link or code rather than a file name or zoo name. */
export function isShareText(arg: string): boolean {
  return /[?&]share=cs\d+\./.test(arg) || /^cs\d+\.[A-Za-z0-9_-]{16,}$/.test(arg);
}

/** The design of a share link or code, its problem as a usage error naming what is wrong. */
export async function openShareText(text: string) {
  // Loaded only for a share link: decoding validates the design (zod), which other models skip.
  const { decodeShare, ShareLinkError } = await import('../core/share');
  try {
    return await decodeShare(text);
  } catch (error) {
    if (error instanceof ShareLinkError) throw new UsageError(error.message);
    throw error;
  }
}
