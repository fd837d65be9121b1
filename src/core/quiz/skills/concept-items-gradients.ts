import type { ConceptItem } from './concept-items';

/** Multiple-choice items on initialisation, vanishing and exploding gradients. */
export const GRADIENT_CONCEPT_ITEMS: readonly ConceptItem[] = [
  {
    id: 'xavier-fans',
    lesson: 'initialisation',
    question: 'Xavier (Glorot) initialisation sets Var(w) = 2/(fan_in + fan_out). Why does it use both fans?',
    correct: {
      text: 'Forward wants fan_in·Var(w) = 1, backward fan_out·Var(w) = 1',
      why: 'Both hold only when fan_in = fan_out; 2/(fan_in + fan_out) is the harmonic mean of 1/fan_in and 1/fan_out.',
    },
    wrong: [
      {
        text: 'One fan is for the weights and the other is for the biases of the layer',
        why: 'Biases start at zero; both fans are about the weights.',
      },
      {
        text: 'It keeps every output of the layer between −1 and 1 for any input',
        why: 'It matches variances; it bounds nothing.',
      },
      {
        text: 'fan_in + fan_out is the number of weights, so each gets an equal share',
        why: 'A layer has fan_in · fan_out weights, not fan_in + fan_out.',
      },
    ],
  },
  {
    id: 'zero-init',
    lesson: 'initialisation',
    question: 'What goes wrong if all the weights of a hidden layer start at the same value, such as zero?',
    correct: {
      text: 'The units get equal gradients and stay identical: no symmetry breaking',
      why: 'Equal weights give equal outputs and equal updates; the layer acts like a single unit.',
    },
    wrong: [
      {
        text: 'Nothing: the optimiser moves the weights apart after the first step',
        why: 'Equal weights get equal updates, so they stay equal step after step.',
      },
      {
        text: 'The loss is undefined, because the network divides by its weights',
        why: 'Nothing divides by the weights; the trouble is the symmetry.',
      },
      {
        text: 'The gradients explode, because a zero weight has an infinite derivative',
        why: 'The derivative with respect to a weight is finite at zero.',
      },
    ],
  },
  {
    id: 'variance-per-layer',
    lesson: 'initialisation',
    question:
      'A linear layer has fan_in n and weights of variance v. How does it change the variance of the signal?',
    correct: {
      text: 'It multiplies it by n·v: above 1 it grows with depth, below 1 it fades',
      why: 'Each output adds n products of variance v·Var(x); over L layers the factor is (n·v)ᴸ.',
    },
    wrong: [
      {
        text: 'It multiplies it by v alone; the fan-in does not enter the variance',
        why: 'Each output sums n products, and their variances add: n·v.',
      },
      {
        text: 'It leaves it the same, because zero-mean weights cancel each other out',
        why: 'Zero mean keeps the mean at zero; the variances still add up.',
      },
      {
        text: 'It multiplies it by √(n·v), so wide layers increase it only slowly',
        why: '√(n·v) is the factor for the standard deviation; the variance gets n·v.',
      },
    ],
  },
  {
    id: 'sigmoid-slope',
    lesson: 'vanishing-gradients',
    question:
      "What is the largest value of the sigmoid's derivative σ′(u) = σ(u)(1 − σ(u)), and where is it reached?",
    correct: {
      text: '0.25, at u = 0, where σ(u) = 0.5 and the curve is at its steepest',
      why: 'σ′(0) = 0.5 · 0.5 = 0.25: even the best factor shrinks a gradient to a quarter.',
    },
    wrong: [
      {
        text: '1, at u = 0, the same as the slope of ReLU for positive inputs',
        why: "σ′(0) = 0.5 · (1 − 0.5) = 0.25, a quarter of ReLU's slope.",
      },
      {
        text: '0.5, at u = 0, since the value of the sigmoid there is σ(0) = 0.5',
        why: 'That is σ(0); the derivative is σ(0)(1 − σ(0)) = 0.25.',
      },
      {
        text: '0.25, for large u, where the curve is flattest and changes least',
        why: 'Where the curve is flat the derivative is near 0; its maximum is at u = 0.',
      },
    ],
  },
  {
    id: 'vanishing-product',
    lesson: 'vanishing-gradients',
    question:
      'In a sigmoid network each layer multiplies the back-propagated gradient by about 0.25. How much weaker is it 9 layers further down?',
    correct: {
      text: 'About 0.25⁹ ≈ 4 · 10⁻⁶ times: one factor for each layer in between',
      why: 'The factors multiply: 0.25⁹ = 3.8 · 10⁻⁶.',
    },
    wrong: [
      {
        text: 'About 9 × 0.25 = 2.25 times: the factors add up along the way',
        why: 'The chain rule multiplies the factors; it does not add them.',
      },
      {
        text: "About 0.25 times: only the last activation's derivative matters",
        why: 'Every layer on the way contributes its own factor.',
      },
      {
        text: "Not weaker: each layer's gradient is renormalised by the optimiser",
        why: 'Plain SGD uses the raw gradient; the chain rule sets its size.',
      },
    ],
  },
  {
    id: 'tanh-vs-sigmoid',
    lesson: 'vanishing-gradients',
    question: 'Why does tanh usually cause less vanishing than the sigmoid?',
    correct: {
      text: 'Its derivative peaks at 1, not 0.25, and its outputs centre on zero',
      why: 'tanh′(0) = 1; it still saturates for large |u|, so it only eases the problem.',
    },
    wrong: [
      {
        text: 'It never saturates, so its derivative stays close to 1 for all inputs',
        why: 'tanh saturates too: tanh′(u) → 0 as |u| grows.',
      },
      {
        text: 'It has fewer parameters than the sigmoid, so less gradient is lost',
        why: 'Neither function has parameters.',
      },
      {
        text: 'Its derivative is constant, which makes each factor exactly 1',
        why: 'tanh′(u) = 1 − tanh²(u) varies from 1 down to 0.',
      },
    ],
  },
  {
    id: 'vanishing-symptom',
    lesson: 'vanishing-gradients',
    question: 'Which observation points to vanishing gradients?',
    correct: {
      text: 'Gradient norms shrink towards the input; early weights barely move',
      why: 'The loss then falls slowly, driven mostly by the last layers.',
    },
    wrong: [
      {
        text: 'The loss turns into NaN after a few steps of the training run',
        why: 'That is a sign of exploding gradients.',
      },
      {
        text: 'The training loss falls quickly while the validation loss rises',
        why: 'That is overfitting, not a gradient problem.',
      },
      {
        text: 'The gradient norms are equal in all layers, but the loss stays flat',
        why: 'Equal norms mean the gradient does reach the early layers.',
      },
    ],
  },
  {
    id: 'exploding-symptom',
    lesson: 'exploding-gradients',
    question: 'Which signs show exploding gradients in a training run?',
    correct: {
      text: 'Loss spikes or NaN, and gradient norms growing towards the input',
      why: 'Factors above 1 multiply up; one huge step can throw the weights far off.',
    },
    wrong: [
      {
        text: 'The loss falls very slowly and the first layers barely change at all',
        why: 'That is what vanishing gradients look like.',
      },
      {
        text: 'The training accuracy reaches 100 % within the very first epoch',
        why: 'Fast fitting says nothing about gradient size; it may be an easy or leaked data set.',
      },
      {
        text: 'The weights of the last layer shrink towards zero as training runs',
        why: 'Shrinking weights point to a strong weight penalty, not to explosion.',
      },
    ],
  },
  {
    id: 'clip-by-norm',
    lesson: 'exploding-gradients',
    question: 'A gradient g = (3, 4) is clipped by norm to c = 1. What is the clipped gradient?',
    correct: {
      text: '(0.6, 0.8): g is scaled by c/‖g‖ = 1/5 and keeps its direction',
      why: '‖g‖ = 5 > 1, so g · min(1, 1/5) = (0.6, 0.8).',
    },
    wrong: [
      {
        text: '(1, 1): each component is cut to c = 1 separately',
        why: 'That is clipping by value; it changes the direction.',
      },
      {
        text: '(0.75, 1): the largest component is scaled to 1, the other with it',
        why: 'That divides by the largest component; norm clipping uses the length, 5.',
      },
      {
        text: '(0.12, 0.16): g is divided by ‖g‖² = 25 so that its norm is c',
        why: 'That gives a norm of 0.2, not 1; the scale factor is c/‖g‖.',
      },
    ],
  },
  {
    id: 'rnn-exploding',
    lesson: 'exploding-gradients',
    question: 'Why are plain RNNs especially prone to exploding gradients over long sequences?',
    correct: {
      text: 'The same Wₕₕ multiplies the gradient at every step: factors compound',
      why: 'Over T steps the product behaves like a power of Wₕₕ (times tanh′): it grows or dies.',
    },
    wrong: [
      {
        text: 'Each time step has weights of its own, so there are far more parameters',
        why: 'The weights are shared across steps; that sharing is what makes the product a power.',
      },
      {
        text: 'Their hidden state is reset to zero at each step of the sequence',
        why: 'The state carries over from step to step; that is what links them.',
      },
      {
        text: 'The loss is summed over the steps, which multiplies it by the length',
        why: 'A sum grows at most linearly; explosion comes from the product of Jacobians.',
      },
    ],
  },
  {
    id: 'lr-not-cure',
    lesson: 'exploding-gradients',
    question: 'A training run explodes. Why can lowering the learning rate alone leave the cause in place?',
    correct: {
      text: 'Steps get smaller, but the factors above 1 still multiply up',
      why: 'The gradient is still huge in the early layers; initialisation or architecture must change.',
    },
    wrong: [
      {
        text: 'A lower learning rate makes the gradients larger to compensate',
        why: 'The learning rate scales the step; it does not change the gradient.',
      },
      {
        text: 'Training stops once the learning rate is below the gradient norm',
        why: 'There is no such rule; a small rate only makes the steps small.',
      },
      {
        text: 'The learning rate affects only the biases, never the weights',
        why: 'The optimiser applies it to every parameter.',
      },
    ],
  },
];
