import { describe, expect, it } from 'vitest';
import { recurrentStats } from '../../../src/core/autograd';
import { compareRecurrent, loadRecurrentReference } from './recurrent-reference';

describe('tanh RNN gradient curves agree with the PyTorch reference', () => {
  it('reproduces ‖∂h_T/∂h_t‖ and ‖∂L/∂h_t‖ for every t within 4 combined standard errors', () => {
    const ref = loadRecurrentReference('rnn_tanh');
    const ours = recurrentStats(
      { cell: 'tanh', steps: ref.T, hidden: ref.hidden, input: ref.input, batch: ref.batch },
      ref.n_seeds,
    );
    const { compared, failures } = compareRecurrent(ours, ref);
    expect(compared).toBe(2 * (ref.T + 1));
    expect(failures).toEqual([]);
  }, 600_000);
});
