export default {
  gradients: {
    title: '梯度实验室',
    subtitle:
      '真实地训练网络，观察每一层的梯度。选择一个预设先看问题，再看对应的解决办法，最多可同时比较四次运行。',
    choosePreset: '选择预设',
    unknownPreset: '没有名为“{id}”的预设，请从列表中选择。',
    presetGroups: { problem: '问题', remedy: '解决办法' },
    presets: {
      vanishing: {
        name: '梯度消失：20 层 sigmoid',
        caption:
          '二十层 sigmoid，采用 Xavier 初始化。sigmoid 的导数最大只有 0.25，梯度每向前传一层就缩小一次：第一层得到的梯度大约只有最后一层的万亿分之一，几乎学不到东西。',
      },
      relu: {
        name: '解决：ReLU + Kaiming 初始化',
        caption:
          '同样的 20 层，改用 ReLU 和 Kaiming 初始化。ReLU 在激活区的导数为 1，Kaiming 的方差 2/fan_in 保持信号尺度不变，因此首末层梯度比的 log10 接近 0。',
      },
      'leaky-relu': {
        name: '解决：LeakyReLU',
        caption:
          'LeakyReLU（负半轴斜率 0.01）配合 Kaiming 初始化：与 ReLU 类似，但负输入仍能传回少量梯度，神经元不会完全“死亡”。',
      },
      elu: {
        name: '解决：ELU',
        caption:
          'ELU 保留 sigmoid 网络的 Xavier 初始化，只更换激活函数：正输入斜率为 1，负半轴平滑。梯度比改善了好几个数量级。',
      },
      batchnorm: {
        name: '解决：批归一化（BatchNorm）',
        caption:
          '在每个 sigmoid 之前加入 BatchNorm。对每层输入做归一化，使 sigmoid 保持在斜率较大的中间区域，梯度不再不断缩小。',
      },
      residual: {
        name: '解决：残差连接',
        caption:
          '每个块把输入加到输出上（h = h + f(h)）。捷径为梯度在每个 sigmoid 旁边提供了一条斜率为 1 的通路。',
      },
      pretrain: {
        name: '解决：逐层预训练',
        caption:
          '先把每个隐藏层单独当作下一层输出的自编码器来训练（Hinton，2006），再对整个网络进行微调。预训练后的权重让微调一开始就有好得多的梯度比。',
      },
      exploding: {
        name: '梯度爆炸：ReLU 配 N(0, 1.5²) 初始化',
        caption:
          '六层 ReLU，权重取自 N(0, 1.5²)。每一层把信号尺度放大约 1.5·√(32/2) = 6 倍，梯度一开始就达到上千；最初几步更新就让所有 ReLU 都“死亡”。',
      },
      kaiming: {
        name: '解决：Kaiming 初始化',
        caption:
          '同一网络改用 Kaiming 初始化（方差 2/fan_in）：信号尺度逐层保持不变，梯度范数接近 1，网络学会了双螺旋。',
      },
      xavier: {
        name: '解决：Xavier 初始化',
        caption: 'Xavier 初始化（方差 2/(fan_in + fan_out)）同样能抑制爆炸；对 ReLU 而言尺度略偏小。',
      },
      'exploding-batchnorm': {
        name: '解决：在爆炸网络中加入 BatchNorm',
        caption: '无论权重尺度如何，BatchNorm 都会重新缩放每层的预激活值：即使初始化很差，爆炸也消失了。',
      },
      'clip-norm': {
        name: '解决：按全局范数裁剪',
        caption:
          '当梯度的全局范数超过 5 时按比例缩小。巨大的梯度仍然会出现，但每一步的更新是有界的：网络得以存活并完成分类，只是糟糕的初始化让损失仍然偏高。',
      },
      'clip-value': {
        name: '解决：按数值裁剪',
        caption: '把每个梯度分量限制在 ±0.1 之内。与按范数裁剪一样限制了步长，但也会改变梯度的方向。',
      },
      'exploding-small-steps': {
        name: '梯度爆炸，小步长',
        caption: '用学习率 0.0001 的普通 SGD 训练爆炸网络：步长小到不至于崩溃，但过大的权重让梯度始终很大。',
      },
      l2: {
        name: '解决：L2 权重惩罚',
        caption:
          'L2 惩罚 λ·Σw²（λ = 10）每一步都把权重拉向 0。权重变小，每层的放大倍数随之变小，梯度范数下降好几个数量级。',
      },
      l1: {
        name: '解决：L1 权重惩罚',
        caption:
          'L1 惩罚 λ·Σ∣w∣（λ = 20）每一步把每个权重缩小一个固定量，并使许多权重变为 0：每层的放大倍数下降，梯度也随之下降。',
      },
      'rnn-tanh': {
        name: '随时间消失：tanh RNN',
        caption:
          '一个运行 50 个时间步的 tanh RNN：末端损失对较早隐藏状态的梯度一步步缩小，网络因此学不到长距离依赖。',
      },
      lstm: {
        name: '解决：LSTM 门控',
        caption:
          '同样规模的 LSTM：细胞状态通过遗忘门以加法方式更新，梯度随时间衰减得慢得多。两者都运行后可比较两条曲线。',
      },
    },
    run: '运行',
    runPair: '与“{problem}”一起运行',
    pause: '暂停',
    resume: '继续',
    customRun: '自定义运行',
    kinds: { mlp: '深层 MLP', rnn: 'RNN / LSTM' },
    fields: {
      task: '数据集',
      depth: '深度（线性层数）',
      width: '宽度',
      activation: '激活函数',
      leakySlope: 'Leaky 斜率',
      eluAlpha: 'ELU α',
      init: '初始化',
      initStd: 'N(0, std²) 的标准差',
      batchnorm: '批归一化',
      residual: '残差连接',
      optimizer: '优化器',
      lr: '学习率',
      momentum: '动量',
      clip: '梯度裁剪',
      clipMax: '裁剪阈值',
      l1: 'L1 惩罚 λ',
      l2: 'L2 惩罚 λ',
      pretrain: '逐层预训练',
      pretrainSteps: '每层预训练步数',
      batchSize: '批大小',
      steps: '训练步数',
      seed: '随机种子',
      dtype: '精度',
      cell: '单元',
      length: '序列长度 T',
      hidden: '隐藏层大小',
      batch: '批大小',
    },
    tasks: { spirals: '双螺旋', circles: '同心圆', xor: '异或', blobs: '高斯簇', sine: '正弦回归' },
    activations: { sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'ReLU', leaky_relu: 'LeakyReLU', elu: 'ELU' },
    inits: {
      normal: '正态 N(0, std²)',
      xavier_normal: 'Xavier 正态',
      xavier_uniform: 'Xavier 均匀',
      kaiming_normal: 'Kaiming 正态',
      kaiming_uniform: 'Kaiming 均匀',
    },
    optimizers: { sgd: 'SGD', momentum: '带动量的 SGD', adam: 'Adam' },
    clips: { none: '不裁剪', norm: '按全局范数', value: '按数值' },
    cells: { tanh: 'tanh RNN', lstm: 'LSTM' },
    empty: '还没有运行。选择一个预设或设置网络，然后点击“运行”。',
    numbers: {
      run: '运行',
      ratio: 'log₁₀ ‖g₁‖/‖g_L‖',
      ratioHelp:
        '第一层与最后一层梯度范数之比的 log10：第一步 → 最后 10 步的平均。0 表示均衡，远小于 0 表示梯度消失。',
      gradMax: 'log₁₀ max ‖g_l‖',
      gradMaxHelp: '各层梯度范数最大值的 log10：第一步 → 最后 10 步的平均。数值很大表示梯度爆炸。',
      loss: '最终损失',
      accuracy: '准确率',
      saturated: '饱和比例',
      dead: '死亡 ReLU',
      decades: '从 t = T 回到 t = 0，梯度变化了 {value} 个数量级（log10）。',
      note: '损失和准确率在训练结束时于整个数据集上测得；饱和与死亡比例是最后一步各隐藏层的平均值。— 表示不适用或不是有限值。',
    },
    status: { running: '运行中', paused: '已暂停', done: '已完成', cancelled: '已取消', error: '失败' },
    diverged: '已发散',
    charts: {
      gradNorm: '各层梯度范数 — {name}',
      loss: '损失',
      accuracy: '准确率',
      histograms: '激活值直方图 — {name}',
      boundary: '决策边界 — {name}',
      recurrent: '随时间的梯度：‖∂L/∂h_t‖',
    },
    axes: {
      layer: '层',
      gradNorm: '‖dL/dW‖',
      step: '步数',
      loss: '损失',
      accuracy: '准确率',
      activation: '激活值',
      first: '第一步',
      latest: '最新',
      t: 't',
      lossGrad: '‖∂L/∂h_t‖',
      class0: '类别 0',
      class1: '类别 1',
    },
    png: 'PNG',
    save: '保存',
    savedShort: '已保存',
    saveTitle: '保存运行',
    nameRequired: '请输入名称。',
    saved: '已保存运行“{name}”。',
    savedTitle: '已保存的运行',
    savedEmpty: '还没有保存的运行。保存一次完成的运行，之后无需重新训练即可再次打开。',
    open: '打开',
    delete: '删除',
  },
};
