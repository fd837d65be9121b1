import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Remedies',
  summary: 'Pre-training, clipping, weight penalties, better activations, BatchNorm, shortcuts and gates.',
  sections: [
    {
      id: 'pretraining',
      title: 'Pre-training and fine-tuning',
      blocks: [
        'Hinton, Osindero and Teh (2006) trained deep networks one layer at a time. Each layer is a restricted Boltzmann machine (RBM) that learns, without labels, to model the outputs of the layer below; the next one is trained on its outputs, and finally the whole stack is fine-tuned with back-propagation. Bengio and colleagues (2007) showed that autoencoders, each layer learning to reconstruct its input, can take the place of the RBMs. Either way each layer starts from useful weights instead of depending on a gradient that has to pass through many layers. Today good initialisation and the remedies below have mostly replaced it, but the idea lives on in pre-trained models.',
      ],
    },
    {
      id: 'clipping',
      title: 'Gradient clipping',
      blocks: [
        'Rescale the gradient when its norm exceeds a threshold (or clamp each component). Clipping bounds the step; it does not fix the cause, the product of factors above one. It keeps a working run stable and is standard for recurrent networks, but it does not rescue a network whose initialisation is far too large.',
      ],
    },
    {
      id: 'penalties',
      title: 'L1 and L2 weight penalties',
      blocks: [
        'Adding $\\lambda \\sum w^2$ (L2) or $\\lambda \\sum |w|$ (L1) to the loss pulls the weights towards zero, which keeps the per-layer factors from growing during training. With L2 each SGD step becomes $w \\leftarrow w - \\eta (g + 2 \\lambda w)$: with $w = {{l2.w0}}$, $\\lambda = {{l2.lambda}}$, $\\eta = {{l2.lr}}$ and no data gradient, $w$ shrinks to {{l2.w1}}. With L1 the step is $w \\leftarrow w - \\eta (g + \\lambda\\, \\mathrm{sign}(w))$: every weight moves towards zero by the same amount, and small weights reach exactly zero.',
        'A penalty works over many steps. It keeps the weights of a working run from drifting large; it does not rescue an initialisation that explodes in the first steps.',
      ],
    },
    {
      id: 'activations',
      title: 'ReLU, LeakyReLU, ELU',
      blocks: [
        'The ReLU $\\max(0, u)$ has slope {{relu.max}} for every positive input, so it does not shrink the gradient there and never saturates on that side. Its units can die: a unit whose input is negative for every example has slope zero and receives no gradient to recover. LeakyReLU, $\\max(\\alpha u, u)$ with a small $\\alpha$ (often {{leaky.alpha}}), has slope {{leaky.max}} for positive inputs and $\\alpha$ for negative ones, so every unit passes some gradient. ELU replaces the negative half by $\\alpha (e^u - 1)$, a smooth curve whose slope fades towards zero for very negative inputs.',
      ],
    },
    {
      id: 'batchnorm',
      title: 'Batch normalisation',
      blocks: [
        'BatchNorm normalises each channel\u2019s pre-activations over the mini-batch to zero mean and unit variance, then scales and shifts them with learned parameters $\\gamma$ and $\\beta$. Whatever the scale of the weights, the next activation starts from normalised inputs, so the scale no longer compounds from layer to layer. It does not guarantee that units stay out of saturation: $\\gamma$ and $\\beta$ are learned and can move the pre-activations anywhere.',
      ],
    },
    {
      id: 'residual',
      title: 'Residual shortcuts',
      blocks: [
        'A residual block computes $y = x + F(x)$; its derivative is $I + \\partial F / \\partial x$. In a pre-activation block (He and colleagues, 2016: BatchNorm and ReLU inside $F$, before each weight layer, nothing after the addition) the identity term carries the gradient from the end of a stack of blocks to every earlier block without multiplying it by any weight or activation slope. In the original ResNet a ReLU follows each addition, so the shortcut path is multiplied by that ReLU\u2019s slope (zero or one), and blocks that change the shape use a $1 \\times 1$ convolution as their shortcut. Either way the shortcuts are what made networks with a hundred and more layers trainable.',
      ],
    },
    {
      id: 'lstm',
      title: 'Through time: orthogonal weights and LSTM gates',
      blocks: [
        'A plain recurrent network multiplies the gradient by $W_{hh}^\\top$ and by the slope of tanh at every time step back. Drawing $W_{hh}$ orthogonal (all its singular values are one) removes the weights\u2019 share of that shrinking; the tanh slope, below one, still shrinks the gradient, more slowly.',
        'An LSTM changes the cell instead: it keeps a cell state updated by addition, $c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$; when the forget gate $f_t$ is near one the gradient flows back through time almost unchanged. Initialising the forget gate\u2019s bias to {{lstm.bias}} (Jozefowicz and colleagues, 2015) starts the gate at $\\sigma({{lstm.bias}}) = {{lstm.f0}}$ instead of {{lstm.fHalf}}, so the cell keeps its memory from the first step.',
      ],
    },
    {
      id: 'compare',
      title: 'Compare the remedies',
      blocks: [
        'Pick a remedy: each demo runs the gradient engine on the problem and, with the same seed, on the problem with the remedy applied. The caption says what the numbers show, and what the remedy does not do.',
        { widget: 'grad-remedies' },
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        {
          tex: '\\text{L2: } w \\leftarrow w - \\eta\\,(g + 2 \\lambda w) \\qquad \\text{L1: } w \\leftarrow w - \\eta\\,(g + \\lambda\\, \\mathrm{sign}(w))',
        },
        {
          tex: 'y = x + F(x) \\;\\Rightarrow\\; \\frac{\\partial y}{\\partial x} = I + \\frac{\\partial F}{\\partial x} \\qquad c_t = f_t \\odot c_{t-1} + i_t \\odot g_t',
        },
        {
          list: [
            'Clipping and penalties keep a working run stable; they do not cure a bad initialisation.',
            'ReLU-family slopes, BatchNorm, shortcuts and gates keep the per-layer (or per-step) factors near one.',
          ],
        },
      ],
    },
  ],
};

export default lesson;
