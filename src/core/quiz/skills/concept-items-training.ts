import type { ConceptItem } from './concept-items';

/** The multiple-choice items of the training lessons (initialisation, vanishing and exploding gradients, remedies). */
export const TRAINING_CONCEPT_ITEMS: readonly ConceptItem[] = [
  {
    id: 'he-init',
    lesson: 'initialisation',
    question: 'Why does He initialisation use Var(w) = 2/fan_in for ReLU layers, not 1/fan_in?',
    correct: {
      text: 'ReLU zeroes half of its inputs, which halves the variance; the factor 2 restores it',
      why: 'Var(y) = n·Var(w)·E[x²], and after a ReLU E[x²] is half the variance of its input: n·Var(w) = 2 keeps it.',
    },
    wrong: [
      {
        text: 'ReLU doubles the variance of its inputs, so the weights must be made twice as small',
        why: 'ReLU removes the negative half; it lowers the second moment instead of doubling it.',
      },
      {
        text: 'The factor 2 counts both the forward and the backward pass through each layer',
        why: 'The derivation is for one pass; Xavier averages fan_in and fan_out, He does not.',
      },
      {
        text: 'It is 1/fan_in for the weights plus another 1/fan_in for the biases of the layer',
        why: 'Biases start at 0 and do not enter the variance argument.',
      },
    ],
  },
  {
    id: 'exploding-cause',
    lesson: 'initialisation',
    question:
      'A deep network initialised with weights of standard deviation 1.5 (much larger than 1/√fan_in) shows gradient norms that grow from the last layer to the first. What causes this?',
    correct: {
      text: 'Each layer multiplies the back-propagated signal by a factor above 1: the product grows',
      why: 'Large weights make the per-layer Jacobian factors exceed 1: exploding gradients.',
    },
    wrong: [
      {
        text: 'The loss is not convex, so its gradient grows without any bound as the training goes on',
        why: 'Non-convexity does not make gradients grow layer by layer.',
      },
      {
        text: 'The batch is too large, so the gradients of many samples add up in every layer',
        why: 'A batch averages its gradients; it does not multiply them per layer.',
      },
      {
        text: 'ReLU saturates for large inputs, so the first layers pass on too much signal',
        why: 'ReLU does not saturate for positive inputs; its slope stays 1.',
      },
    ],
  },
  {
    id: 'vanishing-cause',
    lesson: 'vanishing-gradients',
    question: 'Why do the early layers of a deep sigmoid network learn very slowly?',
    correct: {
      text: 'Back-propagation multiplies one factor per layer, and σ′ ≤ 0.25 shrinks the product',
      why: 'The gradient of layer l is a product over the layers above it; factors below 1 make it vanish.',
    },
    wrong: [
      {
        text: 'The optimiser scales the learning rate of each layer down according to how deep it is',
        why: 'One learning rate is usually shared by all layers; the gradient itself is what is small.',
      },
      {
        text: 'The sigmoid is not differentiable at 0, so many units get no gradient at all',
        why: 'The sigmoid is smooth everywhere; its derivative is largest (0.25) at 0.',
      },
      {
        text: 'Early layers have fewer parameters, so each gets a smaller share of the loss',
        why: 'The parameter count does not shrink the gradient; the chain of derivative factors does.',
      },
    ],
  },
  {
    id: 'clipping',
    lesson: 'exploding-gradients',
    question: 'Which remedy directly limits the size of one update when gradients explode?',
    correct: {
      text: 'Gradient clipping: rescale the gradient whenever its norm exceeds a threshold',
      why: 'Clipping multiplies g by min(1, c/‖g‖). It bounds the step; it does not fix the multiplication that causes the explosion.',
    },
    wrong: [
      {
        text: 'Switching ReLU to sigmoid, whose derivative is never larger than 0.25',
        why: 'Sigmoid makes gradients vanish; it is no safe bound on the step.',
      },
      {
        text: 'Adding more layers, so that the gradient is spread over more parameters',
        why: 'More layers multiply more factors and make the explosion worse.',
      },
      {
        text: 'Removing the bias terms, which are what make the gradient grow from layer to layer',
        why: 'Biases do not cause the multiplicative growth.',
      },
    ],
  },
  {
    id: 'relu-family',
    lesson: 'remedies',
    question: 'Why do ReLU, LeakyReLU and ELU help against vanishing gradients compared with sigmoid?',
    correct: {
      text: 'Their slope is 1 for positive inputs, so that factor does not shrink the gradient',
      why: 'σ′ ≤ 0.25 always shrinks; ReLU′ = 1 for u > 0. LeakyReLU and ELU also keep a non-zero slope for u < 0 (no dead units).',
    },
    wrong: [
      {
        text: 'They are bounded between 0 and 1, so activations can never become too large',
        why: 'ReLU is unbounded above; boundedness is what makes sigmoid saturate.',
      },
      {
        text: 'They have no parameters, so there are fewer gradients to pass through them',
        why: 'Neither does the sigmoid; this is not the reason.',
      },
      {
        text: 'They make each layer’s output sparse, which shortens the path of the gradient',
        why: 'Zeros block gradient paths; they do not shorten the chain of factors.',
      },
    ],
  },
  {
    id: 'batchnorm',
    lesson: 'remedies',
    question: 'How does batch normalisation help against vanishing and exploding gradients?',
    correct: {
      text: 'It re-centres and re-scales pre-activations, which helps keep them out of saturation',
      why: 'Normalised inputs keep sigmoid/tanh mostly away from their flat tails and stop scale from compounding across layers; it helps, it guarantees nothing.',
    },
    wrong: [
      {
        text: 'It clips the gradient of each layer to a fixed norm after the backward pass',
        why: 'That is gradient clipping, a different remedy.',
      },
      {
        text: 'It normalises the loss, so that the gradient of the loss always has a length of one',
        why: 'BatchNorm normalises activations inside the network, not the loss.',
      },
      {
        text: 'It adds an L1 penalty that pulls the weights of every layer towards zero',
        why: 'That is L1 regularisation.',
      },
    ],
  },
  {
    id: 'residual',
    lesson: 'remedies',
    question:
      'Why do residual connections (h + f(h)) let gradients reach the early layers of very deep networks?',
    correct: {
      text: 'The identity path adds a term 1 to ∂hₒᵤₜ/∂hᵢₙ: a route that is no long product',
      why: '∂(h + f(h))/∂h = I + ∂f/∂h. In a pre-activation block nothing follows the addition, so the shortcut is exactly the identity; with a ReLU after the sum it is close to it.',
    },
    wrong: [
      {
        text: 'They halve the number of parameters, so fewer factors enter the product',
        why: 'Shortcuts add no parameters, but they do not halve them either.',
      },
      {
        text: 'They replace back-propagation through f by a closed-form solution',
        why: 'Training still back-propagates through f.',
      },
      {
        text: 'They make every layer linear, so its derivative is exactly 1 everywhere',
        why: 'f(h) stays non-linear.',
      },
    ],
  },
  {
    id: 'lstm',
    lesson: 'remedies',
    question: 'What lets an LSTM carry gradients over many time steps where a plain tanh RNN loses them?',
    correct: {
      text: 'The cell state is updated additively, so ∂cₜ/∂cₜ₋₁ = fₜ can stay near 1',
      why: 'A plain RNN multiplies by Wₕₕ·tanh′ at every step; the gated additive path avoids that product (a forget-gate bias of 1 keeps fₜ near 1 from the start).',
    },
    wrong: [
      {
        text: 'It uses ReLU instead of tanh in every gate, so no derivative is below 1',
        why: 'LSTM gates are sigmoids; the additive cell path is what matters.',
      },
      {
        text: 'It has no recurrent weights, so nothing is multiplied from step to step',
        why: 'Every gate has recurrent weights.',
      },
      {
        text: 'It reads the whole sequence backwards, so the early steps end up close to the loss',
        why: 'Direction is unrelated; bidirectional RNNs exist for other reasons.',
      },
    ],
  },
  {
    id: 'pretraining',
    lesson: 'remedies',
    question: 'What is greedy layer-wise pre-training followed by fine-tuning (Hinton et al., 2006)?',
    correct: {
      text: 'Train one layer at a time without labels (stacked RBMs), then fine-tune the network',
      why: 'Hinton et al. (2006) stacked restricted Boltzmann machines; Bengio et al. (2007) used autoencoders. Each layer starts from useful weights.',
    },
    wrong: [
      {
        text: 'Train only the last layer and keep all the other layers random for ever',
        why: 'Fine-tuning trains all layers at the end.',
      },
      {
        text: 'Train with a learning rate that grows a little after every single epoch',
        why: 'That is a learning-rate schedule, not pre-training.',
      },
      {
        text: 'Train the full network first, then remove the layers that have the smallest gradients',
        why: 'Removing layers or weights is pruning, not pre-training.',
      },
    ],
  },
  {
    id: 'weight-penalty',
    lesson: 'remedies',
    question: 'How can an L1 or L2 weight penalty help keep a training run stable?',
    correct: {
      text: 'It pulls the weights towards zero, so per-layer factors grow less above 1',
      why: 'L2 adds 2λw to the gradient; L1 adds λ·sign(w). It keeps a working run stable; it does not rescue an exploding initialisation.',
    },
    wrong: [
      {
        text: 'It raises the learning rate of large weights so that they settle faster',
        why: 'A penalty adds a gradient term; it does not change the learning rate.',
      },
      {
        text: 'It makes the activations saturate, which caps the size of the gradient',
        why: 'Saturation causes vanishing gradients; it is not a cure.',
      },
      {
        text: 'It removes the non-linearity, so that the derivative of every layer becomes 1',
        why: 'The activations are unchanged.',
      },
    ],
  },
];
