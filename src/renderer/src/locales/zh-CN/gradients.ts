export default {
  gradients: {
    title: '梯度实验室',
    controlsLabel: '实验设置',
    subtitle:
      '实际训练网络，观察每一层的梯度。选择一个预设先看问题，再看对应的解决办法，最多可同时比较四个实验。',
    choosePreset: '选择预设',
    unknownPreset: '没有名为“{id}”的预设，请从列表中选择。',
    presetGroups: { problem: '问题', remedy: '解决办法' },
    presets: {
      vanishing: {
        name: '梯度消失：8 层 sigmoid',
        caption:
          '8 层 sigmoid，采用 Xavier 初始化，在同心圆数据上训练。sigmoid 的导数最大只有 0.25，信号每向回传一层就缩小一次，网络一直停留在随机猜测水平。',
        finding:
          '第一步时，到达第 1 层的梯度约为到达最后一个隐藏层的 {signal}；训练 {steps} 步后准确率为 {accuracy}（随机猜测为 50%）。',
      },
      relu: {
        name: '解决方法：ReLU + He（Kaiming）初始化',
        caption:
          '同样的 8 层，改用 ReLU 和 He（Kaiming）初始化。ReLU 在激活区的导数为 1，He 初始化的方差 2/fan_in 保持信号尺度不变，因此信号几乎不衰减地到达第 1 层，网络能把两个圆分开。',
        finding:
          '到达第 1 层的信号约为到达最后一个隐藏层的 {signal} 倍（原来是 {baselineSignal} 倍），准确率达到 {accuracy}。',
      },
      'leaky-relu': {
        name: '解决方法：LeakyReLU',
        caption:
          'LeakyReLU（负半轴斜率 0.01）配合 He（Kaiming）初始化：与 ReLU 一样保持信号尺度，而且负输入仍能传回少量梯度，神经元不会完全“死亡”。',
      },
      elu: {
        name: '解决方法：ELU',
        caption:
          'ELU 保留 sigmoid 网络的 Xavier 初始化，只更换激活函数（正输入斜率为 1）：信号损失的数量级比 sigmoid 少得多，网络能够学习。',
        finding:
          '到达第 1 层的信号约为到达最后一个隐藏层的 {signal} 倍（原来是 {baselineSignal} 倍），准确率达到 {accuracy}。',
      },
      batchnorm: {
        name: '解决方法：批归一化（BatchNorm）',
        caption:
          '在每个 sigmoid 之前加入 BatchNorm。对每层的预激活值做归一化，使 sigmoid 保持在斜率最大的区域附近，信号不再逐层缩小，网络能够学习。BatchNorm 并没有改变 sigmoid 本身：它的导数最大仍是 0.25。',
      },
      residual: {
        name: '解决方法：残差连接',
        caption:
          '每个块把输入加到输出上（h = h + f(h)），梯度在每个 sigmoid 旁边都有一条斜率为 1 的捷径：它几乎不衰减地到达第 1 层。残差连接做不到的是：sigmoid 块的输出全为正，和逐块增大，这个网络仍学不会同心圆。',
        finding:
          '到达第 1 层的梯度约为到达最后一个隐藏层的 {signal}（原来是 {baselineSignal}），但训练 {steps} 步后准确率仍只有 {accuracy}。',
      },
      pretrain: {
        name: '解决方法：逐层预训练',
        caption:
          '先把每个隐藏层单独训练成一个自编码器，重建前一层（输入一侧）的输出（这是 Bengio 等人 2007 年的自编码器版本；Hinton 等人 2006 年堆叠的是 RBM），再对整个网络微调。微调开始时信号比随机初始化衰减得少，但 sigmoid 的导数没有变：到达第 1 层的梯度仍比最后一个隐藏层小几个数量级，网络在这里仍停留在随机猜测水平。',
        finding:
          '微调开始时，到达第 1 层的梯度约为到达最后一个隐藏层的 {signal}（随机初始化时是 {baselineSignal}），准确率仍停在 {accuracy}。',
      },
      exploding: {
        name: '梯度爆炸：ReLU 配 N(0, 1.5²) 初始化',
        caption:
          '8 层 ReLU，权重取自 N(0, 1.5²)，在双螺旋数据上训练。每一层把信号尺度放大约 1.5·√(32/2) = 6 倍，信号往回传时增大好几个数量级，权重梯度极大，最初几步就毁掉了网络。首末层权重梯度之比却接近 1，掩盖了这一点：逐层增大的激活值与逐层缩小的梯度在其中相互抵消。',
        finding: '到达第 1 层的信号约为到达最后一个隐藏层的 {signal} 倍，准确率停在 {accuracy}。',
      },
      kaiming: {
        name: '解决方法：He（Kaiming）初始化',
        caption:
          '同一网络改用 He（Kaiming）初始化（方差 2/fan_in）：信号尺度逐层保持不变，网络学会了双螺旋。',
        finding:
          '到达第 1 层的信号约为到达最后一个隐藏层的 {signal} 倍（原来是 {baselineSignal} 倍），准确率达到 {accuracy}。',
      },
      xavier: {
        name: '解决方法：Xavier 初始化',
        caption:
          'Xavier 初始化（方差 2/(fan_in + fan_out)）同样消除了爆炸；对 ReLU 而言尺度略偏小（信号经过各层略有缩小），网络能学习，但比 He（Kaiming）初始化慢。',
        finding:
          '到达第 1 层的信号约为到达最后一个隐藏层的 {signal} 倍（原来是 {baselineSignal} 倍），准确率达到 {accuracy}。',
      },
      'exploding-batchnorm': {
        name: '解决方法：在爆炸网络中加入 BatchNorm',
        caption:
          '无论权重尺度如何，BatchNorm 都会重新缩放每层的预激活值：初始化同样糟糕，信号却不再爆炸，网络能够学习。',
        finding:
          '到达第 1 层的信号约为到达最后一个隐藏层的 {signal} 倍（原来是 {baselineSignal} 倍），准确率达到 {accuracy}。',
      },
      'clip-norm': {
        name: '按全局范数裁剪（治标不治本）',
        caption:
          '当梯度的全局范数超过 1 时按比例缩小。这限制了每一步的更新幅度，训练不再崩溃——但它没有消除引起爆炸的逐层相乘：梯度依然极大，损失远高于随机猜测水平（ln 2 ≈ 0.69），而同一网络改用 He（Kaiming）初始化后能正常学习。梯度裁剪能让本来正常的训练保持稳定（见“裁剪过大的更新”），却救不了糟糕的初始化。',
        finding: '训练结束时损失约为 {loss}，准确率为 {accuracy}。',
      },
      'clip-value': {
        name: '按数值裁剪（治标不治本）',
        caption:
          '把每个梯度分量限制在 ±0.1 之内。与按范数裁剪一样限制了更新幅度，还会改变梯度的方向；爆炸的根源仍在，网络学不会。',
      },
      l2: {
        name: 'L2 权重惩罚（救不了爆炸）',
        caption:
          'L2 惩罚 λ·Σw²（λ = 0.01）每一步把每个权重向 0 拉一点。面对如此巨大的梯度，这点拉力微不足道：训练和原来的问题一样发散。权重惩罚能限制正常训练中权重的增长，却救不了爆炸的初始化。',
      },
      l1: {
        name: 'L1 权重惩罚（救不了爆炸）',
        caption:
          'L1 惩罚 λ·Σ∣w∣（λ = 0.001）每一步把每个权重缩小一个固定量。和 L2 一样，它敌不过爆炸：训练发散。',
      },
      'high-lr': {
        name: '更新幅度过大：学习率 0.5',
        caption:
          '一个正常的 ReLU 网络（He（Kaiming）初始化），用学习率 0.5 的动量 SGD 训练：更新幅度过大，损失溢出，训练发散，尽管初始化没有任何问题。',
      },
      'clip-stable': {
        name: '解决方法：裁剪过大的更新',
        caption:
          '同一个实验，把梯度按全局范数裁剪到 1：任何一步（不计动量）的范数都不超过 0.5，训练保持稳定并学会了同心圆。这正是梯度裁剪的用途：让本来正常的训练保持稳定。',
      },
      'rnn-tanh': {
        name: '梯度随时间消失：tanh RNN',
        caption:
          '一个隐状态维度为 32、展开 50 个时间步的 tanh RNN：末端损失对时刻 t 隐藏状态的梯度每往回一步都会缩小，网络因此学不到长距离依赖。',
        finding: '每往回一步约损失 {perStep} 个数量级，{steps} 步共损失约 {decades} 个数量级。',
      },
      lstm: {
        name: '解决方法：LSTM 门控',
        caption:
          '同样规模的 LSTM，采用 PyTorch 的默认初始化：细胞状态通过遗忘门以加法方式更新，梯度衰减得比 tanh RNN 慢——但遗忘门偏置接近 0 时门只开了一半，梯度仍损失许多个数量级。',
        finding: '{steps} 步内约损失 {decades} 个数量级，tanh RNN 为 {baselineDecades} 个。',
      },
      'rnn-orthogonal': {
        name: '解决方法：正交初始化 Wₕₕ',
        caption:
          '同一个 tanh RNN，只把循环权重 Wₕₕ 初始化为正交矩阵（奇异值全为 1）：权重本身不再缩小梯度，每往回一步损失的数量级更少。它做不到的是：只要单元不在 0 处，tanh 的斜率就小于 1，梯度仍会消失，只是慢一些；而且矩阵只在初始化时正交，训练可能让它偏离正交。',
        finding:
          '每往回一步约损失 {perStep} 个数量级，而不是 {baselinePerStep} 个；{steps} 步共约 {decades} 个数量级，而不是 {baselineDecades} 个。',
      },
      'lstm-forget-bias': {
        name: '解决方法：遗忘门偏置为 1 的 LSTM',
        caption:
          '同一个 LSTM，把遗忘门偏置设为 1（Jozefowicz 等人 2015 年的建议）：σ(1) ≈ 0.73 让细胞状态保持得更久，梯度损失的数量级约为偏置 0 时的一半——远不到 tanh RNN 的一半。',
        finding: '{steps} 步内约损失 {decades} 个数量级，tanh RNN 为 {baselineDecades} 个。',
      },
    },
    run: '运行',
    runPair: '与“{problem}”一起运行',
    pause: '暂停',
    resume: '继续',
    customRun: '自定义实验',
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
      hidden: '隐状态维度',
      batch: '批大小',
      samples: '样本数',
      forgetBias: '遗忘门偏置',
      forgetBiasDefault: '默认初始化',
      recurrentInit: 'Wₕₕ 初始化',
    },
    kindLabel: '实验类型',
    progress: '训练进度',
    stepsOf: '第 {done}/{total} 步',
    remove: '从比较中移除“{name}”',
    tasks: { spirals: '双螺旋', circles: '同心圆', xor: '异或', blobs: '高斯簇', sine: '正弦回归' },
    activations: { sigmoid: 'Sigmoid', tanh: 'tanh', relu: 'ReLU', leaky_relu: 'LeakyReLU', elu: 'ELU' },
    inits: {
      normal: '正态 N(0, std²)',
      xavier_normal: 'Xavier 正态',
      xavier_uniform: 'Xavier 均匀',
      kaiming_normal: 'He（Kaiming）正态',
      kaiming_uniform: 'He（Kaiming）均匀',
    },
    optimizers: { sgd: 'SGD', momentum: '带动量的 SGD', adam: 'Adam' },
    clips: { none: '不裁剪', norm: '按全局范数', value: '按数值' },
    cells: { tanh: 'tanh RNN', lstm: 'LSTM' },
    recurrentInits: { default: 'PyTorch 默认', orthogonal: '正交' },
    empty: '还没有实验。选择一个预设或设置网络，然后点击“运行”。',
    numbers: {
      run: '实验',
      startToEnd: 'log₁₀：第一步 → 最后 10 步均值',
      signal: '信号比',
      signalHelp:
        '回传信号之比：第一个隐藏层与最后一个隐藏层的 ‖∂L/∂h‖ 之比取 log10，第一步 → 最后 10 步的平均。0 表示均衡，远小于 0 表示梯度消失，远大于 0 表示梯度爆炸。它不受激活值尺度的影响，因此能揭示权重梯度之比所掩盖的爆炸。',
      actions: '操作',
      ratio: '首末层梯度范数之比的 log₁₀',
      ratioHelp:
        '第一层与最后一层梯度范数之比的 log10：第一步 → 最后 10 步的平均。0 表示均衡，远小于 0 表示梯度消失。',
      gradMax: '各层梯度范数最大值的 log₁₀',
      gradMaxHelp: '各层梯度范数最大值的 log10：第一步 → 最后 10 步的平均。数值很大表示梯度爆炸。',
      loss: '最终损失',
      accuracy: '准确率',
      saturated: '饱和比例',
      dead: '死亡 ReLU',
      decades: '随时间损失的数量级',
      decadesHelp: '梯度 ‖∂L/∂hₜ‖ 从 t = T 回到 t = 0 变化了多少个数量级（log10 之差）。',
      note: '损失和准确率在训练结束时于整个数据集上测得；饱和与死亡比例是最后一步各隐藏层的平均值。“—”表示不适用或数值溢出。',
    },
    status: { running: '运行中', paused: '已暂停', done: '已完成', cancelled: '已取消', error: '失败' },
    diverged: '已发散',
    charts: {
      gradNorm: '各层权重梯度范数：{name}',
      loss: '损失',
      accuracy: '准确率',
      histograms: '激活值直方图：{name}',
      boundary: '决策边界：{name}',
      recurrent: '随时间的梯度：‖∂L/∂hₜ‖',
    },
    axes: {
      layer: '层',
      gradNorm: '‖dL/dW‖',
      step: '步数',
      loss: '损失',
      accuracy: '准确率',
      activation: '激活值',
      first: '第 {step} 步',
      latest: '第 {step} 步（最新）',
      t: '时间步 t',
      lossGrad: '‖∂L/∂hₜ‖',
      class0: '类别 0',
      class1: '类别 1',
    },
    png: '导出 PNG',
    save: '保存',
    savedShort: '已保存',
    saveTitle: '保存训练记录',
    nameRequired: '请输入名称。',
    saved: '已保存训练记录“{name}”。',
    savedTitle: '已保存的训练记录',
    savedEmpty: '还没有保存的训练记录。训练完成后保存，之后无需重新训练即可再次打开。',
    open: '打开',
    delete: '删除',
  },
};
