import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: 'Initialisation',
  summary:
    'How the scale of the first weights decides whether signals and gradients survive depth: the variance argument, Xavier and He.',
  sections: [
    {
      id: 'variance',
      title: 'One layer, one variance',
      blocks: [
        'Before training, the weights are random numbers. How large should they be? Follow the variance of a signal through one layer. A unit adds up $n$ inputs, each multiplied by its weight:',
        { tex: 'y = \\sum_{i=1}^{n} w_i\\, x_i' },
        'When the weights and the inputs are independent and have mean zero, the variances of the $n$ products add up:',
        { tex: '\\mathrm{Var}(y) = n \\cdot \\mathrm{Var}(w) \\cdot \\mathrm{Var}(x)' },
        'The factor $n \\cdot \\mathrm{Var}(w)$ is the layer\u2019s **gain**. With $n = {{ex.n}}$ inputs and weights drawn from $N(0, 1)$ the gain is {{ex.gainStd}}, and after {{ex.depth}} such layers the variance has been multiplied by {{ex.gainStdDepth|sci}}. With $N(0, {{ex.small}}^2)$ the gain is {{ex.gainSmall}}, and the signal fades to {{ex.gainSmallDepth|sci}} of its variance. Only $\\mathrm{Var}(w) = 1/n$ keeps the gain at one.',
      ],
    },
    {
      id: 'backward',
      title: 'The same argument backwards',
      blocks: [
        'Back-propagation runs the same sums the other way. The gradient that reaches an input $x_i$ collects one term from each of the $n_{out}$ units that $x_i$ feeds:',
        {
          tex: '\\frac{\\partial L}{\\partial x_i} = \\sum_{j=1}^{n_{out}} w_{ji}\\, \\frac{\\partial L}{\\partial y_j} \\quad\\Rightarrow\\quad \\mathrm{Var}\\Big(\\frac{\\partial L}{\\partial x}\\Big) = n_{out} \\cdot \\mathrm{Var}(w) \\cdot \\mathrm{Var}\\Big(\\frac{\\partial L}{\\partial y}\\Big)',
        },
        'So the forward pass asks for $\\mathrm{Var}(w) = 1/n_{in}$ and the backward pass for $\\mathrm{Var}(w) = 1/n_{out}$. A gain above one makes activations and gradients grow exponentially with depth: they **explode**. Below one, both fade: they **vanish**. The next two lessons look at each problem.',
        "With a single unit per layer ($n = 1$) the argument holds for every example, not only on average: going back through layer $l$ multiplies the gradient by $w_l\\, f'(u_l)$, where $u_l$ is the unit's input and $f'$ the slope of its activation. Through $D$ layers the gradient is at most $\\prod_l |w_l| \\cdot \\max |f'|$.",
      ],
    },
    {
      id: 'activations',
      title: 'Through the activation: Xavier and He',
      blocks: [
        'The activation changes the count. Near zero, tanh is the identity (its slope there is {{tanh.slope0}}), so a tanh layer passes variance almost like a linear one. **Xavier** initialisation (also called Glorot; Glorot and Bengio, 2010) takes the mean of the forward and the backward demand:',
        { tex: '\\mathrm{Var}(w) = \\frac{2}{n_{in} + n_{out}}' },
        'ReLU sets the negative half of its inputs to zero, so only half of the variance passes, $E[\\mathrm{relu}(z)^2] = {{relu.c}} \\cdot \\mathrm{Var}(z)$, and on the way back half of the slopes are zero. With Xavier weights each ReLU layer has gain {{xr.gain}}: through {{ex.hidden}} ReLU layers the variance shrinks by {{xr.depthGain|sci}}. **He** initialisation (also called Kaiming; He et al., 2015) doubles the variance to make up for it:',
        { tex: '\\mathrm{Var}(w) = \\frac{2}{n_{in}}' },
        "The sigmoid is harder: its slope is at most {{sig.max}} (at zero) and its outputs have mean ½, not zero. With Xavier weights each sigmoid layer multiplies the gradient's variance by at most $n \\cdot \\mathrm{Var}(w) \\cdot {{sig.max}}^2$ = {{sig.bwdGain}}: the vanishing gradient of the next lesson.",
        'Both schemes also exist as uniform distributions $U(-a, a)$ with the same variance $a^2/3$: $a = \\sqrt{6/(n_{in} + n_{out})}$ for Xavier, $a = \\sqrt{6/n_{in}}$ for He.',
      ],
    },
    {
      id: 'measure',
      title: 'Measure it',
      blocks: [
        'The widget builds a network of {{ex.depth}} layers of width {{ex.n}}, draws its weights with the scheme you choose, and runs {{ex.samples}} random examples forward and a random gradient backward with the gradient engine. It plots, for every layer, the variance of the activations, of the back-propagated gradient $\\partial L / \\partial z_l$ (at the layer\u2019s input to the activation) and of the weight gradient.',
        { widget: 'init-variance' },
        'ReLU with He weights keeps both signals level: the measured gain per layer is {{he.measuredFwd|fixed2}} forward and {{he.measuredBwd|fixed2}} backward. With Xavier weights ReLU loses half at every layer ({{xr.measuredFwd|fixed2}} measured). tanh with Xavier loses a little at each layer, because tanh is flatter than the identity away from zero.',
        'Look at the weight gradient too. It multiplies a forward signal by a backward one, $\\partial L/\\partial W_l = \\partial L/\\partial z_l \\cdot a_{l-1}^{\\top}$. With ReLU and $N(0, 1)$ weights the activations grow by {{big.actDecades|fixed1}} decades from the first to the last hidden layer and the gradients by {{big.gradDecades|fixed1}} decades the other way, yet the weight gradients of all layers stay within {{big.wgradSpread|fixed1}} decades of each other. Level weight gradients do not prove a healthy network: look at the signals.',
      ],
    },
    {
      id: 'recap',
      title: 'Recap',
      blocks: [
        {
          tex: '\\mathrm{Var}(y) = n \\cdot \\mathrm{Var}(w) \\cdot \\mathrm{Var}(x) \\qquad \\text{gain} = n \\cdot \\mathrm{Var}(w) \\cdot c',
        },
        {
          tex: '\\text{Xavier: } \\mathrm{Var}(w) = \\frac{2}{n_{in} + n_{out}} \\qquad \\text{He: } \\mathrm{Var}(w) = \\frac{2}{n_{in}}',
        },
        {
          list: [
            'Forward the gain uses $n_{in}$, backward $n_{out}$; above one both explode, below one both vanish.',
            '$c = 1$ for tanh near zero (use Xavier), $c = \\tfrac{1}{2}$ for ReLU (use He).',
            "One unit per layer: each layer multiplies the gradient by $w_l f'(u_l)$, at most $|w_l| \\max |f'|$.",
          ],
        },
      ],
    },
  ],
};

export default lesson;
