import { describe, expect, it } from 'vitest';
import { fillOrthogonal, recurrentStats } from '../../../src/core/autograd';
import { Rng } from '../../../src/core/autograd/rng';
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

describe('orthogonal recurrent weights', () => {
  it('fills a matrix with orthonormal columns (QᵀQ = I), square or tall like the LSTM’s 4H × H', () => {
    for (const [rows, cols] of [
      [32, 32],
      [128, 32],
    ] as const) {
      const w = new Float64Array(rows * cols);
      fillOrthogonal(w, rows, cols, new Rng(7));
      for (let a = 0; a < cols; a++) {
        for (let b = 0; b < cols; b++) {
          let dot = 0;
          for (let r = 0; r < rows; r++) dot += w[r * cols + a] * w[r * cols + b];
          expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
        }
      }
    }
  });

  it('refuses a wide matrix, whose columns cannot be orthonormal', () => {
    expect(() => fillOrthogonal(new Float64Array(6), 2, 3, new Rng(1))).toThrow(/rows ≥ cols/);
  });
});
