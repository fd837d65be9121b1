import {
  type IntOrPair,
  type LayerSpec,
  MODEL_FORMAT,
  MODEL_VERSION,
  type ModelSpec,
  type PaddingSpec,
  type Shape,
} from '../model/types';

type Without<T> = T extends unknown ? Omit<T, 'id' | 'inputs'> : never;
export type LayerBody = Without<LayerSpec>;

/**
 * Builds a model layer by layer. Each call appends a layer reading `from` (default: the layer added
 * last) and returns its id; `inputs` is written only when it differs from the previous layer, so
 * the JSON stays as short as a hand-written one.
 */
export class ModelBuilder {
  readonly layers: LayerSpec[] = [];
  /** Id of the layer added last ("input" before the first). */
  last = 'input';

  add(id: string, body: LayerBody, from?: string | string[]): string {
    const inputs = from === undefined ? [this.last] : typeof from === 'string' ? [from] : from;
    const layer = { id, ...body } as LayerSpec;
    if (
      inputs.length !== 1 ||
      inputs[0] !== this.last ||
      (this.layers.length === 0 && inputs[0] !== 'input')
    ) {
      layer.inputs = inputs;
    }
    this.layers.push(layer);
    this.last = id;
    return id;
  }

  conv(
    id: string,
    out: number,
    kernel: IntOrPair,
    o: {
      stride?: IntOrPair;
      padding?: PaddingSpec;
      dilation?: IntOrPair;
      groups?: number;
      bias?: boolean;
    } = {},
    from?: string,
  ): string {
    return this.add(id, { op: 'conv2d', out_channels: out, kernel, ...o }, from);
  }

  model(name: string, input: Shape, description?: string): ModelSpec {
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      name,
      input,
      layers: this.layers,
      ...(description ? { description } : {}),
    };
  }
}
