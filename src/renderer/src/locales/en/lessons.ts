/** The Lessons page and its widgets (the lesson texts themselves live in src/renderer/src/lessons/content). */
export default {
  lessons: {
    title: 'Lessons',
    intro:
      '{count} lessons, from the output size of one convolution to initialisation and vanishing and exploding gradients. Every number in them is computed by the analysis core.',
    doneCount: '{done} of {total} lessons completed',
    backToPath: 'All lessons',
    status: {
      done: 'Completed',
      started: 'In progress',
      new: 'Not started',
    },
    start: 'Start',
    resume: 'Resume',
    review: 'Review',
    complete: 'Mark lesson as completed',
    completed: 'Lesson completed.',
    next: 'Next: {title}',
    toPractice: 'Go to practice',
    lab: {
      title: 'Try it in the Gradient Lab',
      intro: 'Each link opens a training run of the lab with the settings of this lesson:',
    },
    check: {
      title: 'Check your understanding',
      intro:
        'Questions from the practice engine, graded by the analysis core. Wrong answers come back for review.',
      placeholder: 'Your answer',
      placeholderUnit: 'Your answer (in {unit})',
      submit: 'Check',
      retry: 'Try again',
    },
    widgets: {
      macs: 'MACs',
      flops: 'FLOPs',
      conv: {
        X: 'Input size X',
        K: 'Kernel K',
        P: 'Padding P',
        S: 'Stride S',
        d: 'Dilation d',
        output: 'Output size M =',
        keff: 'effective kernel',
        inexact: 'the division is not exact: the remainder is dropped',
        tooBig:
          'No output: the kernel spans {keff} pixels but the padded input is only {padded} wide, so no window fits. Make the input or the padding larger, or the kernel or dilation smaller.',
        empty: '“{name}” is empty: type a whole number.',
      },
      cost: {
        X: 'Input size',
        Cin: 'Input channels',
        Cout: 'Output channels',
        K: 'Kernel',
        S: 'Stride',
        outShape: 'Output',
        weights: 'Weights',
      },
      attention: {
        tokens: 'Tokens T',
        setup:
          "One self-attention layer of ViT-B/16's width (D = {d}, {h} heads), and an LSTM of the same width over the same T steps. The token products overtake the projections at T = 2D = {cross}.",
        projections: 'Projections 4·T·D²',
        products: 'Token products 2·T²·D',
        lstm: 'LSTM over T steps',
        summary:
          "Token products: {share} of the attention layer's {total} MACs. The LSTM runs its {steps} steps one after another.",
      },
      net: {
        compute: 'Compute',
        params: 'Parameters',
        memory: 'Feature maps',
        title: 'Per layer: {unit}',
        total: 'Total:',
      },
      rf: {
        help: 'Pick a unit of the top row: filled cells are what it reads in every layer below, dashed cells are holes inside its span that it never reads.',
        unit: 'Output unit',
        input: 'input',
        layer: 'layer {index}',
        row: 'RF {size}, jump {jump}',
        alt: 'Receptive field of one unit through 1 layer, down to the input row | Receptive field of one unit through {layers} layers, down to the input row',
        summary: 'Receptive field after 1 layer: | Receptive field after {layers} layers:',
        jump: 'jump',
        holes: 'Pixels one output unit actually reads: {read} of the {size} it spans (holes are dashed).',
      },
      erf: {
        title: 'Effective receptive field of a 3×3 stack against its depth',
        depth: 'Depth',
        pixels: 'pixels',
        rf: 'theoretical RF (2L + 1)',
        side68: 'square with 68% of the ERF',
        side95: 'square with 95% of the ERF',
        fit: 'fit ∝ L to the power {alpha}',
        exponents:
          'Fitted exponents from depth {from} on: {a68} for the 68% square, {a95} for the 95% square, {rf} for the theoretical RF.',
        alt: 'Effective receptive field of a stack of {depth} 3×3 convolutions',
        caption:
          'Depth {depth}: RF {rf} × {rf}, but 68% of the gradient lies in {s68} × {s68} and 95% in {s95} × {s95}.',
        variants: {
          plain: 'eight plain 3×3',
          residual: 'eight 3×3 with shortcuts',
          dilated: 'dilations 1, 2, 4, 8',
          strided: 'stride 2, 2, 1, 1',
          gridding: 'dilations 2, 2, 2',
        },
        variantStats: 'RF {rf}, 68% in {s68} × {s68}, holes {holes}',
        variantsHelp:
          'Uniform weights, the centre unit of the last layer. Blue box: the theoretical receptive field; dashed: the 68% and 95% squares.',
      },
      growth: {
        title: 'Receptive field per layer',
        size: 'Object size (pixels)',
        object: 'object',
        first: 'First layer whose receptive field covers the object: {layer} (RF {rf}).',
        none: 'No layer of this model has a receptive field that large.',
      },
      init: {
        title: 'Variance per layer at initialisation ({depth} layers, width {width})',
        schemes: {
          large: 'N(0, 1)',
          small: 'N(0, 0.01²)',
          xavier: 'Xavier',
          he: 'He',
        },
        activations: 'activations',
        gradients: 'back-propagated gradient',
        weightGradients: 'weight gradient',
        layer: 'layer',
        axis: 'log₁₀ variance',
        gains:
          'Gain per layer, measured (predicted): forward {fwd} ({fwdPredicted}), backward {bwd} ({bwdPredicted}).',
        none: 'no closed form',
      },
    },
    demo: {
      openLab: 'Open in the Gradient Lab',
      labelSep: ': ',
      choose: 'Choose a demonstration',
      diverged: 'diverged (not a finite number)',
      axis: {
        layer: 'hidden layer',
        step: 'training step',
        time: 'time step t',
      },
      metric: {
        layer: 'back-propagated signal ‖∂L/∂hₗ‖ at the first step',
        step: 'loss',
        time: '‖∂L/∂hₜ‖',
      },
      gap: {
        underflow:
          '{name}: from t = {from} to {to} the gradient fell below the smallest number a double can hold and became 0 (underflow); a log axis cannot draw 0, so the curve has no points there.',
        overflow:
          '{name}: from t = {from} to {to} the gradient overflowed to infinity; the curve has no points there.',
        nan: '{name}: from t = {from} to {to} the gradient is not a number (NaN); the curve has no points there.',
      },
      summary: {
        layer:
          'signal reaching layer 1 / reaching the last hidden layer = {value}, final accuracy {accuracy}',
        step: 'final loss {value}, accuracy {accuracy}',
        time: '{value} decades lost from t = T back to t = 0',
      },
    },
  },
};
