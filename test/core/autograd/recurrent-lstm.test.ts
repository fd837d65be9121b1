import { describe, expect, it } from 'vitest';
import { recurrentStats } from '../../../src/core/autograd';
import { compareRecurrent, loadRecurrentReference } from './recurrent-reference';

// A file of its own so that Vitest runs the slow LSTM sweep in parallel with the tanh RNN one.
describe('LSTM gradient curves agree with the PyTorch reference', () => {
  it('reproduces ‖∂h_T/∂h_t‖, ‖∂h_T/∂c_t‖ and ‖∂L/∂h_t‖ for every t within 4 combined standard errors', () => {
    const ref = loadRecurrentReference('lstm');
    const ours = recurrentStats(
      { cell: 'lstm', steps: ref.T, hidden: ref.hidden, input: ref.input, batch: ref.batch },
      ref.n_seeds,
    );
    const { compared, failures } = compareRecurrent(ours, ref);
    expect(compared).toBe(3 * (ref.T + 1));
    expect(failures).toEqual([]);
  }, 900_000);
});
