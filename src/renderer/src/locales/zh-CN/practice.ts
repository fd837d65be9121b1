import type { StepNames } from '../../../../core/quiz';
import type en from '../en/practice';

/** 练习页面的文字，以及题目模板、概念题和常见错误的中文文本。 */
const zhCN: typeof en = {
  practice: {
    title: '练习',
    subtitle: '题目随机生成，答案由分析核心重新计算后评分。每道答错的题都附有完整的解题步骤。',
    setup: '新的练习',
    skills: '技能',
    allSkills: '全选',
    noSkills: '全不选',
    skillNames: {
      outputSize: '输出尺寸',
      inversePaddingStride: '求目标尺寸所需的填充或步幅',
      convParams: '卷积层的参数量',
      linearParams: '全连接层的参数量',
      convMacsFlops: '卷积层的 MAC 与 FLOP',
      featureMapMemory: '特征图内存与访存量',
      networkTotals: '小型网络的总量',
      receptiveField: '感受野',
      gradientArithmetic: '梯度计算',
      concepts: '概念：梯度消失与爆炸、感受野',
      design: '你的设计',
    },
    difficulty: '难度',
    difficulties: { d1: '简单', d2: '中等', d3: '困难' },
    count: '题目数量',
    exam: '考试模式',
    examHelp: '作答过程中不显示对错，结束后统一给出每道题的答案和解题步骤。',
    timer: '限时',
    timerMinutes: '分钟',
    start: '开始',
    reviewsDue: '待复习：{count}',
    reviewsNone: '目前没有需要复习的卡片。',
    startReviews: '开始复习',
    questionOf: '第 {index} 题，共 {total} 题',
    reviewTag: '复习',
    remaining: '剩余时间 {time}',
    answer: '你的答案',
    answerPlaceholder: '输入答案后按回车',
    unitHint: '单位：{unit}',
    submit: '提交',
    next: '下一题',
    finish: '完成',
    quit: '结束练习',
    enterHint: '按回车提交，再按一次回车进入下一题。',
    correct: '回答正确',
    wrong: '回答有误',
    expected: '正确答案：{answer}',
    yourAnswer: '你的答案：{answer}',
    slip: '可能的失误：{message}',
    solution: '解题步骤',
    explanations: '各选项的对错原因',
    summary: '练习总结',
    score: '答对 {correct} 题，共 {total} 题',
    timeUp: '时间到。',
    unanswered: '未作答',
    again: '新的练习',
    loadError: '无法加载题目：{message}',
    answerError: '无法记录答案：{message}',
    notUnderstood: '无法识别答案：{message}',
    empty: '请先输入答案。',
    diagram: {
      rfTitle: '一维感受野',
      rfHelp: '选择一个输出单元：高亮的格子是它在每一层能看到的输入位置。',
      rfUnit: '输出单元',
      rfInput: '输入',
      rfLayer: '第 {index} 层',
      rfSize: '感受野 {size}，跳距 {jump}',
      windowTitle: '滑动窗口',
      windowHelp: '窗口（虚线为填充）在输入上滑动，每个位置产生一个输出。',
      windowStep: '输出位置',
      windowInput: '输入 X = {size}',
      windowOutput: '输出 M = {size}',
    },
  },
};
export default zhCN;

/**
 * 题目模板（键与核心的 promptTemplates() 相同，占位符也相同）。这些文本不经过 vue-i18n，
 * 因为其中含有 | 等 vue-i18n 的语法字符；由 practice/prompt.ts 直接填入参数。
 */
export const QUIZ_TEMPLATES_ZH: Record<string, string> = {
  'quiz.design.output-shape':
    '在你的设计“{design}”中（输入 {input}），层“{layer}”的输出形状是多少？请按 [C, H, W] 或 [N] 的格式作答。',
  'quiz.design.params': '在你的设计“{design}”中，层“{layer}”有多少个可学习参数？',
  'quiz.design.macs': '在你的设计“{design}”中（输入 {input}），层“{layer}”执行多少次 MAC（不计偏置加法）？',
  'quiz.design.rf':
    '在你的设计“{design}”中（输入 {input}），层“{layer}”的一个单元的感受野（高度方向，以输入像素计）是多少？{holesText}',
  'quiz.design.max-macs': '在你的设计“{design}”中（输入 {input}），哪一层执行的 MAC 最多？请回答该层的 id。',
  'quiz.design.max-params': '在你的设计“{design}”中，哪一层的参数最多？请回答该层的 id。',
  'quiz.output-size.conv':
    '一个 Conv2d 层有 {outChannels} 个大小为 {kernel} 的卷积核，步幅 {stride}，填充 {padding}{dilationText}，作用于形状为 {input}（C×H×W）的输入。{askText}',
  'quiz.output-size.pool':
    '一个池化层 {pool}，核大小 {kernel}，步幅 {stride}，填充 {padding}{dilationText}{ceilText}，作用于形状为 {input}（C×H×W）的输入。{askText}',
  'quiz.inverse.padding':
    '宽度为 X = {size} 的输入经过一个卷积，核大小 {kernel}，步幅 {stride}{dilationText}。要使输出宽度恰好为 M = {target}，最小的对称填充 P 是多少？',
  'quiz.inverse.stride':
    '宽度为 X = {size} 的输入经过一个卷积，核大小 {kernel}，填充 {padding}{dilationText}。步幅 S 取多少时，输出宽度恰好为 M = {target}？',
  'quiz.inverse.dilation':
    '宽度为 X = {size} 的输入经过一个有 {kernel} 个抽头的卷积，步幅 {stride}，填充 {padding}。膨胀率 d 取多少时，输出宽度恰好为 M = {target}？',
  'quiz.conv-params.plain':
    'Conv2d({inChannels} → {outChannels}, kernel {kernel}, groups={groups}, bias={bias}) 有多少个可学习参数？',
  'quiz.conv-params.separable':
    '一个深度可分离卷积块：先是深度卷积 Conv2d({inChannels} → {inChannels}, kernel {kernel}, groups={inChannels}, bias={bias})，再接逐点卷积 Conv2d({inChannels} → {outChannels}, kernel 1×1, bias={pwBias})。整个块共有多少个可学习参数？',
  'quiz.linear-params.one': 'Linear({nin} → {nout}, bias={bias}) 有多少个可学习参数？',
  'quiz.linear-params.flatten':
    '形状为 {input}（C×H×W）的特征图被展平后送入 Linear(? → {nout}, bias={bias})。这个 Linear 层有多少个可学习参数？',
  'quiz.linear-params.mlp':
    '一个 MLP 的各层大小为 {sizes}（每一层都是 bias={bias} 的 Linear）。它一共有多少个可学习参数？',
  'quiz.macs.conv': '{layer} 作用于形状为 {input}（C×H×W）的输入。{convention}该层执行多少次 {unit}？',
  'quiz.memory.elements': '{layer} 作用于形状为 {input}（C×H×W）的输入。它的输出特征图包含多少个元素？',
  'quiz.memory.bytes':
    '{layer} 作用于形状为 {input}（C×H×W）的输入，数据类型为 {dtype}（每个值 {bytes} 字节）。它的输出特征图有多大？请{unitText}作答。',
  'quiz.memory.access':
    '{layer} 作用于形状为 {input}（C×H×W）的输入，数据类型为 {dtype}（每个值 {bytes} 字节）。它的访存量 = 读取输入 + 读取参数 + 写出输出。这一共是多少字节？请{unitText}作答。',
  'quiz.network.params': '一个输入为 {input} 的网络：\n{layers}\n它一共有多少个可学习参数？',
  'quiz.network.macs':
    '一个输入为 {input} 的网络：\n{layers}\n一次前向传播需要多少次 MAC（卷积层和全连接层的乘加运算，不计偏置加法）？',
  'quiz.network.max-macs': '一个输入为 {input} 的网络：\n{layers}\n哪一层执行的 MAC 最多？请回答该层的名称。',
  'quiz.network.max-params': '一个输入为 {input} 的网络：\n{layers}\n哪一层的参数最多？请回答该层的名称。',
  'quiz.rf.stack': '一组层的一维视图，从输入开始：\n{layers}\n{askText}{holesText}',
  'quiz.rf.dilation':
    '一组层，从输入开始：\n{layers}\n最后一层是一个 {k} 抽头、步幅为 1、膨胀率为 d 的卷积。d 取多少时，其输出的感受野（从它看到的第一个输入像素到最后一个的跨度）恰好为 {target}？',
  'quiz.rf.branches':
    '两个分支读取同一个输入；其中每个卷积都使用 "same" 填充（PyTorch：多出的奇数像素补在后面），步幅为 1。\n分支 A：\n{a}\n分支 B：\n{b}\n两者的输出相加{afterText}\n最终输出的一个单元的感受野（一维，以输入像素计）是多少？{holesText}',
  'quiz.gradient.chain':
    '反向传播经过由 {n} 个标量单元 a_l = f_l(w_l·a_(l−1) + b_l) 组成的链，其中 {layers}。取每个激活函数导数的最大可能值，|∂a_{n}/∂a_0| 的上界是多少？请保留 3 位有效数字（例如 1.23e-4）。',
  'quiz.gradient.clip-factor':
    '梯度 {g} 被裁剪到全局 L2 范数不超过 {c}（torch.nn.utils.clip_grad_norm_）。它被乘以多大的系数？请保留 3 位有效数字。',
  'quiz.gradient.clip-norm':
    '某梯度的全局 L2 范数为 {norm}，被裁剪到范数不超过 {c}（torch.nn.utils.clip_grad_norm_）。它被乘以多大的系数？请保留 3 位有效数字。',
  'quiz.gradient.clip-component':
    '梯度 {g} 被裁剪到全局 L2 范数不超过 {c}。裁剪后它的第一个分量是多少？请保留 3 位有效数字。',
  'quiz.gradient.l2':
    '权重 w = {w}，数据梯度 g = {g}{gText}。损失中含有 L2 惩罚项 λ·w²，其中 λ = {lambda}；用学习率 {lr} 的普通 SGD 运行 {steps} 步。之后 w 是多少？请保留 3 位有效数字。',
  'quiz.concepts.item': '{question}',
  'quiz.concepts.rf-fit':
    '一组卷积的核大小依次为 {kernels}，步幅依次为 {strides}。最后一层的一个单元能完整看到下列正方形物体中最大的是哪一个：宽 {objects} 像素？',
  'quiz.concepts.vanishing-cause': '为什么深层 sigmoid 网络的前几层学习得非常慢？',
  'quiz.concepts.exploding-cause':
    '一个深层网络用标准差为 1.5（远大于 1/√fan_in）的权重初始化，梯度范数从最后一层到第一层不断增大。原因是什么？',
  'quiz.concepts.clipping': '梯度爆炸时，哪种方法能直接限制一次更新的大小？',
  'quiz.concepts.relu-family': '与 sigmoid 相比，ReLU、LeakyReLU 和 ELU 为什么有助于缓解梯度消失？',
  'quiz.concepts.batchnorm': '批归一化（Batch Normalization）如何减轻梯度消失和梯度爆炸？',
  'quiz.concepts.residual': '为什么残差连接（h = h + f(h)）能让梯度到达极深网络的前几层？',
  'quiz.concepts.lstm': '普通的 tanh RNN 会在多个时间步后丢失梯度，是什么让 LSTM 能把梯度传递很多步？',
  'quiz.concepts.pretraining': '什么是逐层贪心预训练加微调（Hinton，2006）？',
  'quiz.concepts.weight-penalty': 'L1 或 L2 权重惩罚如何帮助抑制梯度爆炸？',
  'quiz.concepts.rf-objects': '一个检测器既要找到小物体也要找到大物体。感受野告诉了你什么？',
};

export interface ConceptText {
  question: string;
  correct: { text: string; why: string };
  wrong: { text: string; why: string }[];
}

/** 概念题：顺序与核心的 CONCEPT_ITEMS 一致（正确项一个，错误项按原顺序）。 */
export const CONCEPTS_ZH: Record<string, ConceptText> = {
  'vanishing-cause': {
    question: '为什么深层 sigmoid 网络的前几层学习得非常慢？',
    correct: {
      text: '反向传播时每经过一层就乘上一个导数因子，而 σ′ ≤ 0.25，所以乘积随深度呈指数级缩小',
      why: '第 l 层的梯度是其上各层因子的乘积；小于 1 的因子会让它消失。',
    },
    wrong: [
      { text: '它们的学习率比后面的层小', why: '通常所有层共用一个学习率；真正变小的是梯度本身。' },
      { text: 'sigmoid 在 0 处不可导', why: 'sigmoid 处处光滑；它的导数在 0 处最大（0.25）。' },
      { text: '前几层的参数更少', why: '参数数量不会使梯度变小；导数因子的连乘才会。' },
    ],
  },
  'exploding-cause': {
    question:
      '一个深层网络用标准差为 1.5（远大于 1/√fan_in）的权重初始化，梯度范数从最后一层到第一层不断增大。原因是什么？',
    correct: {
      text: '每一层都把反向传播的信号乘上一个大于 1 的因子，乘积呈指数级增长：梯度爆炸',
      why: '过大的权重使每层的雅可比因子超过 1。',
    },
    wrong: [
      { text: '损失函数不是凸函数', why: '非凸性不会让梯度逐层增大。' },
      { text: '批量太大', why: '更大的批量是在平均梯度，而不是逐层放大梯度。' },
      { text: 'ReLU 在输入很大时会饱和', why: 'ReLU 对正输入不会饱和，斜率始终为 1。' },
    ],
  },
  clipping: {
    question: '梯度爆炸时，哪种方法能直接限制一次更新的大小？',
    correct: {
      text: '梯度裁剪：当梯度范数超过阈值时对梯度进行缩放',
      why: '按范数裁剪把 g 乘以 min(1, c/‖g‖)，从而限制步长。',
    },
    wrong: [
      { text: '把 ReLU 换成 sigmoid', why: 'sigmoid 会导致梯度消失，并不能可靠地约束爆炸的梯度。' },
      { text: '增加更多的层', why: '层数越多，相乘的因子越多，爆炸越严重。' },
      { text: '去掉偏置项', why: '偏置不是导致乘性增长的原因。' },
    ],
  },
  'relu-family': {
    question: '与 sigmoid 相比，ReLU、LeakyReLU 和 ELU 为什么有助于缓解梯度消失？',
    correct: {
      text: '它们在正输入处的导数为 1，因此每层的因子在那里不会使梯度缩小',
      why: 'σ′ ≤ 0.25 总会使梯度缩小；而 u > 0 时 ReLU′ = 1。LeakyReLU 和 ELU 在 u < 0 时也保留非零斜率（没有死神经元）。',
    },
    wrong: [
      { text: '它们的取值在 0 到 1 之间', why: 'ReLU 没有上界；有界正是 sigmoid 会饱和的原因。' },
      { text: '它们没有需要学习的参数', why: 'sigmoid 也没有；这不是原因。' },
      { text: '它们让网络变浅', why: '网络深度没有改变。' },
    ],
  },
  batchnorm: {
    question: '批归一化（Batch Normalization）如何减轻梯度消失和梯度爆炸？',
    correct: {
      text: '它对每层的预激活重新居中并缩放，使其保持在激活函数不饱和的范围内，每层的因子也保持在 1 附近',
      why: '归一化后的输入让 sigmoid/tanh 远离平坦的尾部，并阻止尺度在层间不断累积。',
    },
    wrong: [
      { text: '它把梯度裁剪到固定范数', why: '那是梯度裁剪，是另一种方法。' },
      { text: '它不再需要损失函数', why: '批归一化与损失函数无关。' },
      { text: '它给权重加上 L1 惩罚', why: '那是 L1 正则化。' },
    ],
  },
  residual: {
    question: '为什么残差连接（h = h + f(h)）能让梯度到达极深网络的前几层？',
    correct: {
      text: '恒等路径给 ∂h_out/∂h_in 贡献了一项 1，所以梯度有一条不必经过一长串小因子连乘的通路',
      why: '∂(h + f(h))/∂h = I + ∂f/∂h：恒等项使梯度不会消失。',
    },
    wrong: [
      { text: '它们把参数数量减半', why: '恒等捷径不增加参数，但也不会使参数减半。' },
      { text: '它们用闭式解代替了反向传播', why: '训练仍然使用反向传播。' },
      { text: '它们让每一层都变成线性的', why: 'f(h) 仍然是非线性的。' },
    ],
  },
  lstm: {
    question: '普通的 tanh RNN 会在多个时间步后丢失梯度，是什么让 LSTM 能把梯度传递很多步？',
    correct: {
      text: '细胞状态以加法方式更新并由遗忘门缩放，因此 ∂c_t/∂c_(t−1) = f_t 可以保持接近 1',
      why: '普通 RNN 每一步都要乘以 W·tanh′；LSTM 带门控的加法通路避免了这种连乘。',
    },
    wrong: [
      { text: '它处处用 ReLU 代替 tanh', why: 'LSTM 使用 sigmoid 门和 tanh；关键在于门。' },
      { text: '它没有循环权重', why: '它的每个门都有循环权重。' },
      { text: '它倒序处理序列', why: '方向与此无关；双向 RNN 是出于其他原因。' },
    ],
  },
  pretraining: {
    question: '什么是逐层贪心预训练加微调（Hinton，2006）？',
    correct: {
      text: '单独训练每个隐藏层（例如作为下一层的自编码器），把它们堆叠起来，再对整个网络进行端到端训练',
      why: '每一层都从有用的权重开始，深层网络就不必依赖从随机初始化开始穿过所有层的梯度。',
    },
    wrong: [
      { text: '只训练最后一层，其他层永远保持随机', why: '微调阶段会训练所有层。' },
      { text: '用每个 epoch 都增大的学习率训练', why: '那是学习率调度，不是预训练。' },
      { text: '剪掉梯度最小的层', why: '剪枝是删除权重，不是预训练。' },
    ],
  },
  'weight-penalty': {
    question: 'L1 或 L2 权重惩罚如何帮助抑制梯度爆炸？',
    correct: {
      text: '它把权重拉向零，使每层的因子不会远大于 1',
      why: 'L2 给梯度加上 2λw（权重衰减）；L1 加上 λ·sign(w)；两者都会缩小过大的权重。',
    },
    wrong: [
      { text: '它提高了大权重的学习率', why: '惩罚项是增加一个梯度项，并不改变学习率。' },
      { text: '它使激活值饱和', why: '饱和会导致梯度消失，而不能治好梯度爆炸。' },
      { text: '它去掉了非线性', why: '激活函数没有改变。' },
    ],
  },
  'rf-objects': {
    question: '一个检测器既要找到小物体也要找到大物体。感受野告诉了你什么？',
    correct: {
      text: '一个单元只能对能装进其感受野的物体作出响应，所以大物体需要感受野大的深层，小物体最好在更早、更精细的层中观察（因此要用多尺度特征）',
      why: '这就是检测器要融合多个层的特征或使用图像金字塔的原因。',
    },
    wrong: [
      { text: '感受野就是一层的通道数', why: '感受野是输入上的一块区域，而不是通道数。' },
      {
        text: '所有层都能看到整幅图像，所以物体大小无关紧要',
        why: '只有感受野覆盖整幅图像的单元才能看到全部。',
      },
      {
        text: '更大的感受野总会让小物体的准确率降为零',
        why: '大感受野仍然可以包含小物体，只是混入了大量上下文，位置也更粗糙。',
      },
    ],
  },
};

/** 常见失误的说明，键与核心的 SLIP_MESSAGES 相同。 */
export const SLIPS_ZH: Record<string, string> = {
  'forgot-2p': '看起来填充只算了一侧，而不是两侧（2P）。',
  'forgot-plus-one': '看起来漏掉了输出尺寸公式末尾的“+ 1”。',
  'floor-ceil': '看起来除法的取整方向错了（向下取整与 ceil_mode）。',
  'forgot-dilation': '看起来忽略了膨胀：等效核大小为 d(K − 1) + 1。',
  'forgot-bias': '看起来漏算了偏置。',
  'added-bias': '看起来算上了偏置，但这一层是 bias=False。',
  'ignored-groups': '看起来忽略了分组：每个卷积核只看到 C_in / groups 个通道。',
  'macs-for-flops': '这是 MAC 数：按此约定 FLOPs = 2 × MACs。',
  'flops-for-macs': '这是 2 × MACs（FLOPs）：这里一次乘加计为一个 MAC。',
  'forgot-bias-adds': '看起来漏掉了偏置加法（每个输出元素一次）。',
  'used-input-size': '看起来用了输入的高和宽，而不是输出尺寸。',
  'mixed-mb-mib': '看起来把 MB（10^6 字节）和 MiB（2^20 字节）弄混了。',
  'dtype-bytes': '看起来每个值的字节数用错了（fp32 = 4，fp16 = 2）。',
  'forgot-input-read': '看起来访存量中漏掉了读取输入。',
  'forgot-weights-read': '看起来访存量中漏掉了读取参数。',
  'strides-multiplied-wrongly':
    '看起来把每层自己的步幅也算进了它的跳距：第 l 层使感受野增加 (K_l − 1) · Π_{i<l} S_i，只乘它之前各层的步幅。',
  'ignored-strides': '看起来忽略了步幅：每个核使感受野增加 (K − 1) 乘以当前的跳距。',
  'max-of-branches': '这是较大分支的感受野；当两个分支的中心不重合时，感受野是两个区间的并集外包。',
  'forgot-weight-factor': '看起来乘积中漏掉了权重因子 |w|。',
  'used-sigmoid-value': '看起来用了 σ(0) = 0.5，而不是导数 σ′(0) = 0.25。',
  'inverted-clip-ratio': '比值颠倒了：缩放系数是 c / ‖g‖，裁剪时它小于 1。',
  'l1-norm': '看起来用了 |g_i| 之和；裁剪使用的是 L2 范数 √(Σ g_i²)。',
  'l2-factor-two': '看起来把惩罚项 λ·w² 求导成了 λ·w；它的梯度是 2λw。',
  'forgot-linear-layers': '看起来总数中漏掉了全连接层。',
  'params-for-macs': '那一层的参数最多，而不是 MAC 最多。',
  'macs-for-params': '那一层的 MAC 最多，而不是参数最多。',
  'counted-depthwise-only': '看起来只算了深度卷积；还要加上逐点 1×1 卷积。',
  'forgot-flatten': '看起来只把通道数当作 in_features；展平后输入为 C · H · W 个。',
};

/** 核心在题目参数中给出的英文片段的中文写法。 */
export const PARAM_TEXT_ZH: Record<string, string> = {
  'What is the output height (= width) M?': '输出的高度（= 宽度）M 是多少？',
  'What is the output shape [C, H, W]?': '输出形状 [C, H, W] 是多少？',
  ', ceil_mode=True': '，ceil_mode=True',
  '"same" (output ⌈X/S⌉; an odd extra pixel goes after, as in TensorFlow)':
    '"same"（输出为 ⌈X/S⌉；与 TensorFlow 一样，多出的奇数像素补在后面）',
  'Count multiply-accumulates (MACs): one multiply plus one add is 1 MAC; bias adds are not counted.':
    '统计乘加次数（MAC）：一次乘法加一次加法计为 1 个 MAC；不计偏置加法。',
  'Count FLOPs with the convention FLOPs = 2 × MACs (each multiply-accumulate is a multiply and an add); bias adds are not counted.':
    '按 FLOPs = 2 × MACs 的约定统计 FLOPs（每次乘加是一次乘法和一次加法）；不计偏置加法。',
  'Count FLOPs = 2 × MACs plus one add per output element for the bias.':
    '统计 FLOPs = 2 × MACs，再加上每个输出元素一次偏置加法。',
  'in bytes': '以字节为单位',
  'stating the unit (e.g. MB = 10^6 bytes or MiB = 2^20 bytes), to 4 significant digits':
    '注明单位（例如 MB = 10^6 字节或 MiB = 2^20 字节），保留 4 位有效数字',
  ' (the same at every step)': '（每一步都相同）',
  '.': '。',
  '0.0123 or 1.23e-4': '0.0123 或 1.23e-4',
  ' Give its extent, from the first to the last input pixel it sees: some pixels in between are not read (holes).':
    '请给出它的跨度，即从它看到的第一个输入像素到最后一个输入像素：其间有些像素不会被读取（空洞）。',
  'What is the receptive field (in input pixels) of one unit of the last layer?':
    '最后一层的一个单元的感受野（以输入像素计）是多少？',
  'What are the receptive field r and the jump j (distance in input pixels between neighbouring output units) of the last layer? Answer as "r, j".':
    '最后一层的感受野 r 和跳距 j（相邻输出单元在输入上的像素间距）各是多少？请按“r, j”的格式作答。',
};

/** 答案格式提示（键与核心的 FORMAT_TEMPLATES 相同）。 */
export const FORMAT_TEMPLATES_ZH: Record<string, string> = {
  'format.count': '精确的计数，写出全部数字，不要四舍五入：例如 1,204,224 或 1204224。',
  'format.integer': '一个整数，例如 3。',
  'format.size': '一个整数 M，例如 28（也可以写 28×28）。',
  'format.sigfigs': '保留 {digits} 位有效数字，例如 {example}。',
  'format.shape': '按 [C, H, W] 写出形状，例如 [64, 56, 56]。',
  'format.pair': '两个数：r, j（例如 11, 4）。',
  'format.bytes-unit': '以 {unit} 为单位，保留 4 位有效数字，例如 1.234 {unit}；也可以写出精确的字节数。',
  'format.bytes-exact': '精确的字节数，例如 4096。',
  'format.bytes-any': '写明单位（KB、MB、KiB、MiB 等），保留 4 位有效数字，例如 1.234 MB。',
  'format.choice': '一个选项的字母，例如 B。',
  'format.layer': '某一层的名称，与题目中写法相同。',
};

/** 解题步骤的名称，按学生的说法（而不是内部标识符）。 */
export const STEP_NAMES_ZH: StepNames = {
  quantities: {
    outputSize: '输出尺寸',
    'outputSize.h': '输出高度',
    'outputSize.w': '输出宽度',
    outputShape: '输出形状',
    outputElements: '输出元素个数',
    'params.weights': '权重',
    'params.bias': '偏置',
    'params.total': '参数量',
    params: '参数量',
    macs: 'MAC 数',
    flops: 'FLOPs',
    'flops.total': 'FLOPs 总数',
    'ops.bias': '偏置加法',
    'activation.bytes': '输出的字节数',
    'memoryAccess.inputBytes': '读取输入（字节）',
    'memoryAccess.weightBytes': '读取参数（字节）',
    'memoryAccess.outputBytes': '写出输出（字节）',
    'memoryAccess.totalBytes': '访存量（字节）',
    'totals.params': '参数总量',
    'totals.macs': 'MAC 总数',
    'rf.size': '感受野',
    'rf.size.h': '感受野',
    'rf.jump': '跳距',
    'rf.jump.h': '跳距',
    rf: '感受野',
    "max.sigmoid'": 'sigmoid 导数的最大值',
    "max.tanh'": 'tanh 导数的最大值',
    bound: '乘积的上界',
    norm: '梯度范数',
    'clip.factor': '裁剪系数',
    'clip.g1': '裁剪后的第一个分量',
    'w.next': '一步之后的 w',
    decay: '每一步的衰减系数',
    'w.after': '所有步之后的 w',
  },
  layer: (n) => `第 ${n} 层`,
  branch: (b, n) => `分支 ${b} 第 ${n} 层`,
  afterMerge: (n) => `相加之后第 ${n} 层`,
  linear: (n) => (n ? `第 ${n} 个全连接层` : '全连接层'),
  depthwise: '逐通道卷积',
  pointwise: '逐点卷积',
  named: (id) => id,
  join: (subject, what) => `${subject}：${what}`,
};
