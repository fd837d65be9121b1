import { encodeShare } from '../../core/share';
import { parseFlags } from '../flags';
import { type Command, UsageError } from '../io';
import { loadModel } from '../model-input';
import { isShareText, openShareText } from '../share-input';

const USAGE = 'convscope share <model.json | zoo:NAME | LINK> [--convention macs|flops] [--base URL]';

/**
 * `convscope share MODEL`: the model as a share code (`cs1.…`), or a whole link with `--base` (the
 * address of a web edition, e.g. http://127.0.0.1:5173/). Every command that takes a model also takes a
 * share link or code in its place.
 */
export const share: Command = async (args, io) => {
  const positional = args.filter(
    (a, i) => !a.startsWith('--') && !(i > 0 && /^--(convention|base)$/.test(args[i - 1]!)),
  );
  if (positional.length !== 1) throw new UsageError(`give one model (usage: ${USAGE})`);
  const flags = parseFlags(
    args.filter((a) => a !== positional[0]),
    new Set(['--convention', '--base']),
    new Set(),
    USAGE,
  );
  const convention = flags.values.get('--convention');
  if (convention !== undefined && convention !== 'macs' && convention !== 'flops')
    throw new UsageError(`--convention must be macs or flops, got "${convention}"`);
  const arg = positional[0]!;
  const loaded = isShareText(arg) ? await openShareText(arg) : { model: await loadModel(arg, io) };
  const code = await encodeShare({
    model: loaded.model,
    ...((convention ?? ('convention' in loaded ? loaded.convention : undefined))
      ? { convention: convention ?? (loaded as { convention: string }).convention }
      : {}),
  });
  const base = flags.values.get('--base');
  io.out(base ? `${base.replace(/#.*$/, '')}#/designs?share=${code}` : code);
  return 0;
};
