export default {
  gradients: {
    title: 'Gradient Lab',
    subtitle:
      'Train real networks and watch the gradient of every layer. Pick a preset to see a problem, then its remedy, and compare up to four runs.',
    choosePreset: 'Choose a preset',
    unknownPreset: 'There is no preset called “{id}”. Choose one from the list.',
    presetGroups: { problem: 'Problems', remedy: 'Remedies' },
    presets: {
      vanishing: {
        name: 'Vanishing: 20 sigmoid layers',
        caption:
          'Twenty sigmoid layers with Xavier init. The sigmoid’s slope is at most 0.25, so the gradient shrinks at every layer on its way back: the first layer gets about a trillionth of the last layer’s gradient and hardly learns.',
      },
      relu: {
        name: 'Remedy: ReLU + Kaiming init',
        caption:
          'The same 20 layers with ReLU and Kaiming init. ReLU’s slope is 1 where it is active and Kaiming’s variance 2/fan_in keeps the signal’s scale, so the first/last gradient ratio moves close to 0 in log10.',
      },
      'leaky-relu': {
        name: 'Remedy: LeakyReLU',
        caption:
          'LeakyReLU (slope 0.01 below 0) with Kaiming init: like ReLU, and negative inputs still pass a small gradient, so units cannot die completely.',
      },
      elu: {
        name: 'Remedy: ELU',
        caption:
          'ELU keeps the Xavier init of the sigmoid stack and only changes the activation: slope 1 for positive inputs, a smooth negative part. The gradient ratio is orders of magnitude better.',
      },
      batchnorm: {
        name: 'Remedy: BatchNorm',
        caption:
          'The sigmoid stack with BatchNorm before each activation. Normalising every layer’s input keeps the sigmoids in their steep middle range, so gradients stop shrinking.',
      },
      residual: {
        name: 'Remedy: residual shortcuts',
        caption:
          'Each block adds its input to its output (h = h + f(h)). The shortcut gives the gradient a path with slope 1 around every sigmoid.',
      },
      pretrain: {
        name: 'Remedy: layer-wise pre-training',
        caption:
          'Each hidden layer is first trained alone as an autoencoder of the layer below (Hinton, 2006), then the whole network is fine-tuned. The pre-trained weights start fine-tuning with a far better gradient ratio.',
      },
      exploding: {
        name: 'Exploding: N(0, 1.5²) init with ReLU',
        caption:
          'Six ReLU layers whose weights are drawn from N(0, 1.5²). Each layer multiplies the signal’s scale by about 1.5·√(32/2) = 6, so gradients start in the thousands; the first updates throw the network into a state where every ReLU is dead.',
      },
      kaiming: {
        name: 'Remedy: Kaiming init',
        caption:
          'The same network with Kaiming init (variance 2/fan_in): the scale stays constant through the layers, the gradient norms are near 1 and the network learns the spirals.',
      },
      xavier: {
        name: 'Remedy: Xavier init',
        caption:
          'Xavier init (variance 2/(fan_in + fan_out)) also tames the explosion; with ReLU it errs on the small side.',
      },
      'exploding-batchnorm': {
        name: 'Remedy: BatchNorm on the exploding net',
        caption:
          'BatchNorm rescales every layer’s pre-activations, whatever the weights’ scale: the explosion disappears even with the bad init.',
      },
      'clip-norm': {
        name: 'Remedy: clip by global norm',
        caption:
          'Gradients are rescaled whenever their global norm exceeds 5. The huge gradients still occur, but the steps stay bounded: the network survives and classifies, although the bad init keeps its loss high.',
      },
      'clip-value': {
        name: 'Remedy: clip by value',
        caption:
          'Every gradient entry is clamped to ±0.1. Like norm clipping it bounds each step, but it also changes the gradient’s direction.',
      },
      'exploding-small-steps': {
        name: 'Exploding, small steps',
        caption:
          'The exploding network trained with plain SGD at learning rate 0.0001: small enough not to blow up, but the large weights keep the gradients large throughout.',
      },
      l2: {
        name: 'Remedy: L2 weight penalty',
        caption:
          'An L2 penalty λ·Σw² (λ = 10) pulls the weights towards 0 at every step. Smaller weights mean a smaller gain per layer, and the gradient norms fall by orders of magnitude.',
      },
      l1: {
        name: 'Remedy: L1 weight penalty',
        caption:
          'An L1 penalty λ·Σ∣w∣ (λ = 20) shrinks every weight by a constant amount per step and drives many to 0: the gain per layer falls, and so do the gradients.',
      },
      'rnn-tanh': {
        name: 'Vanishing through time: tanh RNN',
        caption:
          'A tanh RNN over 50 time steps: the gradient of a loss at the end with respect to earlier hidden states shrinks step after step, so the network cannot learn long-range dependencies.',
      },
      lstm: {
        name: 'Remedy: LSTM gates',
        caption:
          'An LSTM with the same size: the cell state is updated additively through the forget gate, so the gradient through time decays much more slowly. Compare the two curves after running both.',
      },
    },
    run: 'Run',
    runPair: 'Run with “{problem}”',
    pause: 'Pause',
    resume: 'Resume',
    customRun: 'Custom run',
    kinds: { mlp: 'Deep MLP', rnn: 'RNN / LSTM' },
    fields: {
      task: 'Dataset',
      depth: 'Depth (Linear layers)',
      width: 'Width',
      activation: 'Activation',
      leakySlope: 'Leaky slope',
      eluAlpha: 'ELU α',
      init: 'Initialisation',
      initStd: 'Std of N(0, std²)',
      batchnorm: 'BatchNorm',
      residual: 'Residual shortcuts',
      optimizer: 'Optimizer',
      lr: 'Learning rate',
      momentum: 'Momentum',
      clip: 'Gradient clipping',
      clipMax: 'Clip threshold',
      l1: 'L1 penalty λ',
      l2: 'L2 penalty λ',
      pretrain: 'Layer-wise pre-training',
      pretrainSteps: 'Pre-training steps per layer',
      batchSize: 'Batch size',
      steps: 'Training steps',
      seed: 'Seed',
      dtype: 'Precision',
      cell: 'Cell',
      length: 'Sequence length T',
      hidden: 'Hidden size',
      batch: 'Batch',
    },
    tasks: {
      spirals: 'Two spirals',
      circles: 'Circles',
      xor: 'XOR',
      blobs: 'Gaussian blobs',
      sine: 'Sine regression',
    },
    activations: { sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'ReLU', leaky_relu: 'LeakyReLU', elu: 'ELU' },
    inits: {
      normal: 'Normal N(0, std²)',
      xavier_normal: 'Xavier normal',
      xavier_uniform: 'Xavier uniform',
      kaiming_normal: 'Kaiming normal',
      kaiming_uniform: 'Kaiming uniform',
    },
    optimizers: { sgd: 'SGD', momentum: 'SGD with momentum', adam: 'Adam' },
    clips: { none: 'None', norm: 'By global norm', value: 'By value' },
    cells: { tanh: 'tanh RNN', lstm: 'LSTM' },
    empty: 'No runs yet. Choose a preset or set up a network, then press Run.',
    numbers: {
      run: 'Run',
      ratio: 'log₁₀ ‖g₁‖/‖g_L‖',
      ratioHelp:
        'First over last layer gradient norm, in log10: at the first step → mean of the last 10 steps. 0 is balanced; very negative means vanishing.',
      gradMax: 'log₁₀ max ‖g_l‖',
      gradMaxHelp:
        'Largest per-layer gradient norm, in log10: at the first step → mean of the last 10 steps. Large values mean exploding.',
      loss: 'Final loss',
      accuracy: 'Accuracy',
      saturated: 'Saturated',
      dead: 'Dead ReLUs',
      decades: 'The gradient changes by {value} decades (log10) from t = T back to t = 0.',
      note: 'Loss and accuracy are measured on the whole dataset at the end; saturated and dead units are the mean over hidden layers at the last step. — means not applicable or not finite.',
    },
    status: { running: 'Running', paused: 'Paused', done: 'Done', cancelled: 'Cancelled', error: 'Failed' },
    diverged: 'diverged',
    charts: {
      gradNorm: 'Gradient norm per layer — {name}',
      loss: 'Loss',
      accuracy: 'Accuracy',
      histograms: 'Activation histograms — {name}',
      boundary: 'Decision boundary — {name}',
      recurrent: 'Gradient through time: ‖∂L/∂h_t‖',
    },
    axes: {
      layer: 'Layer',
      gradNorm: '‖dL/dW‖',
      step: 'Step',
      loss: 'Loss',
      accuracy: 'Accuracy',
      activation: 'Activation value',
      first: 'First step',
      latest: 'Latest',
      t: 't',
      lossGrad: '‖∂L/∂h_t‖',
      class0: 'Class 0',
      class1: 'Class 1',
    },
    png: 'PNG',
    save: 'Save',
    savedShort: 'Saved',
    saveTitle: 'Save run',
    nameRequired: 'Please enter a name.',
    saved: 'Run “{name}” saved.',
    savedTitle: 'Saved runs',
    savedEmpty: 'No saved runs yet. Save a finished run to reopen it later without training it again.',
    open: 'Open',
    delete: 'Delete',
  },
};
