import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Remedies',
  summary: 'Pre-training, clipping, weight penalties, better activations, BatchNorm, shortcuts and gates.',
  sections: [
    {
      id: 'pretraining',
      title: 'Pre-training and fine-tuning',
      blocks: [
        'Hinton and colleagues (2006) trained deep networks one layer at a time: each hidden layer learns to reconstruct its input (unsupervised), the next one is trained on its outputs, and finally the whole network is fine-tuned with back-propagation. Each layer starts from useful weights instead of depending on a gradient that has to pass through many layers. Today good initialisation and the remedies below have mostly replaced it, but the idea lives on in pre-trained models.',
      ],
    },
    {
      id: 'clipping',
      title: 'Gradient clipping',
      blocks: [
        'Rescale the gradient when its norm exceeds a threshold (or clamp each component). It does not fix the cause but keeps an exploding step from destroying the weights; it is standard for recurrent networks.',
      ],
    },
    {
      id: 'penalties',
      title: 'L1 and L2 weight penalties',
      blocks: [
        'Adding $\\lambda \\sum w^2$ (L2) or $\\lambda \\sum |w|$ (L1) to the loss pulls the weights towards zero, which keeps the per-layer factors from growing. With L2 each SGD step becomes $w \\leftarrow w - \\eta (g + 2 \\lambda w)$: with $w = {{l2.w0}}$, $\\lambda = {{l2.lambda}}$, $\\eta = {{l2.lr}}$ and no data gradient, $w$ shrinks to {{l2.w1}}.',
      ],
    },
    {
      id: 'activations',
      title: 'ReLU, LeakyReLU, ELU',
      blocks: [
        'The ReLU $\\max(0, u)$ has slope {{relu.max}} for every positive input, so it does not shrink the gradient there and never saturates on that side. Its units can die (always negative, slope zero); LeakyReLU keeps a small slope ({{leaky.max}} for positive inputs, a small fraction for negative ones) and ELU a smooth negative part.',
      ],
    },
    {
      id: 'batchnorm',
      title: 'Batch normalisation',
      blocks: [
        'BatchNorm normalises each channel over the mini-batch to zero mean and unit variance, then scales and shifts it with learned parameters. Activations stay in the range where derivatives are large, and the scale of the weights no longer compounds from layer to layer.',
      ],
    },
    {
      id: 'residual',
      title: 'Residual shortcuts',
      blocks: [
        'A residual block computes $y = x + F(x)$. Its derivative is $I + \\partial F / \\partial x$: the identity gives the gradient a path to every earlier layer that is not multiplied by any weight. This is what made networks with a hundred and more layers trainable (ResNet).',
      ],
    },
    {
      id: 'lstm',
      title: 'LSTM gates',
      blocks: [
        'A plain recurrent network multiplies by the same matrix at every time step. An LSTM keeps a cell state updated by addition, $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$; when the forget gate $f_t$ is near one the gradient flows back through time almost unchanged.',
      ],
    },
    {
      id: 'compare',
      title: 'Compare the remedies',
      blocks: [
        'Pick a remedy: each demo runs the gradient engine on the problem and on the problem with the remedy applied.',
        { widget: 'grad-remedies' },
      ],
    },
  ],
};

export default lesson;
