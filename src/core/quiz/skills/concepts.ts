import { receptiveFieldOfStack } from '../../formulas/receptive-field';
import type { QuizRng } from '../rng';
import type { Built, Choice, Difficulty } from '../types';
import { draw, fill, QuizSpecError, type SkillDef, trace } from './common';

interface Option {
  text: string;
  why: string;
}

interface ConceptItem {
  id: string;
  question: string;
  correct: Option;
  wrong: Option[];
}

/** Multiple-choice items; the options are shuffled per seed and the right key follows the shuffle. */
export const CONCEPT_ITEMS: readonly ConceptItem[] = [
  {
    id: 'vanishing-cause',
    question: 'Why do the early layers of a deep sigmoid network learn very slowly?',
    correct: {
      text: 'Back-propagation multiplies one derivative factor per layer, and σ′ ≤ 0.25, so the product shrinks exponentially with depth',
      why: 'The gradient of layer l is a product over the layers above it; factors below 1 make it vanish.',
    },
    wrong: [
      {
        text: 'Their learning rate is smaller than that of later layers',
        why: 'One learning rate is usually shared by all layers; the gradient itself is what is small.',
      },
      {
        text: 'The sigmoid is not differentiable at 0',
        why: 'The sigmoid is smooth everywhere; its derivative is largest (0.25) at 0.',
      },
      {
        text: 'Early layers have fewer parameters',
        why: 'The parameter count does not shrink the gradient; the chain of derivative factors does.',
      },
    ],
  },
  {
    id: 'exploding-cause',
    question:
      'A deep network initialised with weights of standard deviation 1.5 (much larger than 1/√fan_in) shows gradient norms that grow from the last layer to the first. What causes this?',
    correct: {
      text: 'Each layer multiplies the back-propagated signal by a factor larger than 1, so the product grows exponentially: exploding gradients',
      why: 'Large weights make the per-layer Jacobian factors exceed 1.',
    },
    wrong: [
      {
        text: 'The loss function is not convex',
        why: 'Non-convexity does not make gradients grow layer by layer.',
      },
      {
        text: 'The batch is too large',
        why: 'A larger batch averages gradients; it does not multiply them per layer.',
      },
      {
        text: 'ReLU saturates for large inputs',
        why: 'ReLU does not saturate for positive inputs; its slope stays 1.',
      },
    ],
  },
  {
    id: 'clipping',
    question: 'Which remedy directly limits the size of an update when gradients explode?',
    correct: {
      text: 'Gradient clipping: rescale the gradient when its norm exceeds a threshold',
      why: 'Clipping by norm multiplies g by min(1, c/‖g‖), capping the step size.',
    },
    wrong: [
      {
        text: 'Replacing ReLU by sigmoid',
        why: 'Sigmoid makes gradients vanish; it does not bound exploding ones safely.',
      },
      { text: 'Adding more layers', why: 'More layers multiply more factors and make explosion worse.' },
      { text: 'Removing the bias terms', why: 'Biases do not cause the multiplicative growth.' },
    ],
  },
  {
    id: 'relu-family',
    question: 'Why do ReLU, LeakyReLU and ELU help against vanishing gradients compared with sigmoid?',
    correct: {
      text: 'Their derivative is 1 for positive inputs, so the per-layer factor does not shrink the gradient there',
      why: 'σ′ ≤ 0.25 always shrinks; ReLU′ = 1 for u > 0. LeakyReLU and ELU also keep a non-zero slope for u < 0 (no dead units).',
    },
    wrong: [
      {
        text: 'They are bounded between 0 and 1',
        why: 'ReLU is unbounded above; boundedness is what makes sigmoid saturate.',
      },
      { text: 'They have no parameters to learn', why: 'Neither does the sigmoid; this is not the reason.' },
      { text: 'They make the network shallower', why: 'The depth is unchanged.' },
    ],
  },
  {
    id: 'batchnorm',
    question: 'How does Batch Normalization reduce vanishing and exploding gradients?',
    correct: {
      text: "It re-centres and re-scales each layer's pre-activations, keeping them in the range where activations are not saturated and the per-layer factors stay near 1",
      why: 'Normalised inputs keep sigmoid/tanh away from their flat tails and stop scale from compounding across layers.',
    },
    wrong: [
      {
        text: 'It clips the gradient to a fixed norm',
        why: 'That is gradient clipping, a different remedy.',
      },
      { text: 'It removes the need for a loss function', why: 'BatchNorm changes nothing about the loss.' },
      { text: 'It adds an L1 penalty to the weights', why: 'That is L1 regularisation.' },
    ],
  },
  {
    id: 'residual',
    question:
      'Why do residual shortcuts (h = h + f(h)) let gradients reach early layers of very deep networks?',
    correct: {
      text: 'The identity path contributes a term 1 to ∂h_out/∂h_in, so the gradient has a route that is not a long product of small factors',
      why: '∂(h + f(h))/∂h = I + ∂f/∂h: the identity keeps the gradient from vanishing.',
    },
    wrong: [
      {
        text: 'They halve the number of parameters',
        why: 'Shortcuts add no parameters (identity) but do not halve them either.',
      },
      {
        text: 'They replace back-propagation by a closed-form solution',
        why: 'Training still uses back-propagation.',
      },
      { text: 'They make every layer linear', why: 'f(h) stays non-linear.' },
    ],
  },
  {
    id: 'lstm',
    question: 'What lets an LSTM carry gradients over many time steps where a plain tanh RNN loses them?',
    correct: {
      text: 'The cell state is updated additively and scaled by the forget gate, so ∂c_t/∂c_(t−1) = f_t can stay close to 1',
      why: "A plain RNN multiplies by W·tanh′ at every step; the LSTM's gated additive path avoids that product.",
    },
    wrong: [
      {
        text: 'It uses ReLU instead of tanh everywhere',
        why: 'LSTMs use sigmoid gates and tanh; the gates are what matter.',
      },
      { text: 'It has no recurrent weights', why: 'It has recurrent weights for each gate.' },
      {
        text: 'It processes the sequence backwards',
        why: 'Direction is unrelated; bidirectional RNNs exist for other reasons.',
      },
    ],
  },
  {
    id: 'pretraining',
    question: 'What is greedy layer-wise pre-training followed by fine-tuning (Hinton, 2006)?',
    correct: {
      text: 'Train each hidden layer on its own (e.g. as an autoencoder of the layer below), stack them, then train the whole network end to end',
      why: 'Each layer starts from useful weights, so the deep network does not depend on gradients crossing all layers from a random start.',
    },
    wrong: [
      {
        text: 'Train only the last layer and keep all others random forever',
        why: 'Fine-tuning trains all layers at the end.',
      },
      {
        text: 'Train with a learning rate that grows every epoch',
        why: 'That is a learning-rate schedule, not pre-training.',
      },
      {
        text: 'Prune the layers with the smallest gradients',
        why: 'Pruning removes weights; it is not pre-training.',
      },
    ],
  },
  {
    id: 'weight-penalty',
    question: 'How can an L1 or L2 weight penalty help against exploding gradients?',
    correct: {
      text: 'It pulls the weights towards zero, keeping the per-layer factors from growing much above 1',
      why: 'L2 adds 2λw to the gradient (weight decay); L1 adds λ·sign(w); both shrink large weights.',
    },
    wrong: [
      {
        text: 'It increases the learning rate for large weights',
        why: 'A penalty adds a gradient term; it does not change the learning rate.',
      },
      {
        text: 'It makes the activations saturate',
        why: 'Saturation would cause vanishing gradients, not cure explosion.',
      },
      { text: 'It removes the non-linearity', why: 'The activations are unchanged.' },
    ],
  },
  {
    id: 'rf-objects',
    question: 'A detector must find both small and large objects. What does the receptive field tell you?',
    correct: {
      text: 'A unit can only respond to an object that fits in its receptive field, so large objects need deep layers with large RFs and small ones are best seen in earlier, finer layers (hence multi-scale features)',
      why: 'This is why detectors fuse features of several layers or use image pyramids.',
    },
    wrong: [
      {
        text: 'The receptive field is the number of channels of a layer',
        why: 'The RF is a region of the input, not a channel count.',
      },
      {
        text: 'All layers see the whole image, so object size does not matter',
        why: 'Only units whose RF covers the image see all of it.',
      },
      {
        text: 'A larger receptive field always lowers accuracy on small objects to zero',
        why: 'Large RFs can still include small objects; they just mix in much context and coarse positions.',
      },
    ],
  },
];

export type ConceptSpec =
  | { variant: 'item'; item: string; order: number[] }
  /** Which object sizes fit inside one unit's RF, for a stack computed with the core. */
  | { variant: 'rf-fit'; kernels: number[]; strides: number[]; objects: number[]; order: number[] };

const T = {
  'quiz.concepts.item': '{question}',
  'quiz.concepts.rf-fit':
    'A stack of convolutions has kernels {kernels} and strides {strides}. What is the largest of these square objects that one unit of the last layer can see completely: {objects} pixels wide?',
};

const KEYS = ['A', 'B', 'C', 'D'];

function build(s: ConceptSpec): Built {
  if (s.variant === 'item') {
    const item = CONCEPT_ITEMS.find((i) => i.id === s.item);
    if (!item) throw new QuizSpecError(`unknown concept item ${s.item}`);
    const options = [item.correct, ...item.wrong];
    const shown = s.order.map((i) => options[i]);
    const choices: Choice[] = shown.map((o, k) => ({ key: KEYS[k], text: o.text, explanation: o.why }));
    const expected = KEYS[s.order.indexOf(0)];
    const params = { question: item.question };
    return {
      prompt: { key: `quiz.concepts.${item.id}`, params },
      text: fill(T['quiz.concepts.item'], params),
      answerKind: 'choice',
      choices,
      expected,
      tolerance: { kind: 'exact' },
      solution: { steps: [], final: `${expected}: ${item.correct.text}. ${item.correct.why}` },
      slips: [],
    };
  }
  const rows = receptiveFieldOfStack(s.kernels.map((k, i) => ({ kernel: k, stride: s.strides[i] })));
  const rf = rows[rows.length - 1].size[0];
  const fitting = s.objects.filter((o) => o <= rf);
  if (fitting.length === 0) throw new QuizSpecError('no object fits');
  const best = Math.max(...fitting);
  const shown = s.order.map((i) => s.objects[i]);
  const choices: Choice[] = shown.map((o, k) => ({
    key: KEYS[k],
    text: `${o} px`,
    explanation:
      o === best
        ? `fits: ${o} ≤ r = ${rf}, and it is the largest that does`
        : o > rf
          ? `too large: ${o} > r = ${rf}`
          : `fits, but ${best} px also fits and is larger`,
  }));
  const expected = KEYS[shown.indexOf(best)];
  const params = { kernels: s.kernels.join(', '), strides: s.strides.join(', '), objects: shown.join(', ') };
  return {
    prompt: { key: 'quiz.concepts.rf-fit', params },
    text: fill(T['quiz.concepts.rf-fit'], params),
    answerKind: 'choice',
    choices,
    expected,
    tolerance: { kind: 'exact' },
    solution: {
      steps: [
        ...rows.flatMap((r) =>
          r.formulas
            .filter((f) => f.quantity === 'rf.size.h')
            .map((f) => ({ ...f, quantity: `layer${r.index + 1}.rf.size` })),
        ),
        trace('rf', 'r', `${rf}`, rf),
      ],
      final: `${expected}: ${best} px (r = ${rf})`,
    },
    slips: [],
  };
}

function make(rng: QuizRng, d: Difficulty): ConceptSpec {
  return draw(
    rng,
    (): ConceptSpec => {
      const n = d === 1 ? 3 : 4;
      if (d > 1 && rng.chance(0.3)) {
        const depth = rng.int(2, 5);
        const kernels = Array.from({ length: depth }, () => rng.pick([3, 3, 5, 7]));
        const strides = Array.from({ length: depth }, () => rng.pick([1, 1, 2]));
        const rf = receptiveFieldOfStack(kernels.map((k, i) => ({ kernel: k, stride: strides[i] })))[
          depth - 1
        ].size[0];
        const objects = [
          ...new Set([
            Math.max(2, rf - rng.int(1, 4)),
            rf + rng.int(1, 10),
            Math.max(1, Math.floor(rf / 2)),
            rf * 2 + rng.int(0, 5),
          ]),
        ];
        if (objects.length !== 4) throw new QuizSpecError('duplicate object sizes');
        return { variant: 'rf-fit', kernels, strides, objects, order: rng.shuffle([0, 1, 2, 3]) };
      }
      const item = rng.pick(CONCEPT_ITEMS);
      // Option 0 is the right one; difficulty 1 drops one distractor.
      const pool = rng.shuffle([1, 2, 3]).slice(0, n - 1);
      return { variant: 'item', item: item.id, order: rng.shuffle([0, ...pool]) };
    },
    build,
  );
}

export const concepts: SkillDef<ConceptSpec> = {
  id: 'concepts',
  title: 'Concepts',
  templates: T,
  make,
  build,
};
