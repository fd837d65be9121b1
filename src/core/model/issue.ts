import { issueLine, type MessageNote } from '../analysis/warning-messages';
import type { ModelIssue } from './types';

/**
 * A validation problem by code: the English `message` is the code's template filled in, the layer's id
 * first when `layerId` is given (unless the message names its place itself: the model, a layer's position).
 */
export function issueOf(path: string, note: MessageNote, layerId?: string): ModelIssue {
  const message = issueLine({ layerId, message: '', note });
  return layerId === undefined ? { path, message, note } : { layerId, path, message, note };
}
