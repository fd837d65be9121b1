import type { StepNames } from '../../../../core/quiz';
import type en from '../en/practice';
import { CONCEPTS_ZH } from './concepts';

export { CONCEPTS_ZH, type ConceptText } from './concepts';

/** 练习页面的文字，以及题目模板、概念题和常见错误的中文文本。 */
const zhCN: typeof en = {
  practice: {
    title: '练习',
    subtitle: '题目随机生成，答案由程序自动计算并判分。每道答错的题都附有完整的解题步骤。',
    setup: '新的练习',
    skills: '知识点',
    allSkills: '全选',
    noSkills: '全不选',
    skillNames: {
      outputSize: '输出尺寸',
      inversePaddingStride: '求目标尺寸所需的填充或步长',
      convParams: '卷积层的参数量',
      linearParams: '全连接层的参数量',
      convMacsFlops: '卷积层的乘加（MAC）与 FLOPs',
      featureMapMemory: '特征图内存与访存量',
      networkTotals: '小型网络的总量',
      receptiveField: '感受野',
      gradientArithmetic: '梯度计算',
      concepts: '概念题',
      trainingMemory: '原地运算与访存量',
      trainingDynamics: 'L1 更新、RNN 梯度、更新量与权重之比',
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
    reviewsNone: '目前没有需要复习的题目。',
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
    choiceExplained: '{key}）{text}——{explanation}',
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
      windowTitle: '滑动窗口',
      windowHelp: '窗口（虚线为填充）在输入上滑动，每个位置产生一个输出。',
      windowStep: '输出位置',
      windowInput: '输入 X = {size}',
      windowAlt: '{title}：{input}，{output}；{step} {position}',
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
    '在你的设计“{design}”中（输入 {input}），层“{layer}”的输出形状是多少？请按 C × H × W 的格式作答（向量写 N）。',
  'quiz.design.params': '在你的设计“{design}”中，层“{layer}”有多少个可学习参数？',
  'quiz.design.macs': '在你的设计“{design}”中（输入 {input}），层“{layer}”执行多少次 MAC（不计偏置加法）？',
  'quiz.design.rf':
    '在你的设计“{design}”中（输入 {input}），层“{layer}”的一个单元的感受野（高度方向，以输入像素计）是多少？{holesText}',
  'quiz.design.max-macs': '在你的设计“{design}”中（输入 {input}），哪一层执行的 MAC 最多？请回答该层的 id。',
  'quiz.design.max-params': '在你的设计“{design}”中，哪一层的参数最多？请回答该层的 id。',
  'quiz.output-size.conv':
    '一个 Conv2d 层有 {outChannels} 个大小为 {kernel} 的卷积核，步长 {stride}，填充 {padding}{dilationText}，作用于形状为 {input}（C×H×W）的输入。{askText}',
  'quiz.output-size.pool':
    '一个池化层 {pool}，核大小 {kernel}，步长 {stride}，填充 {padding}{dilationText}{ceilText}，作用于形状为 {input}（C×H×W）的输入。{askText}',
  'quiz.inverse.padding':
    '宽度为 X = {size} 的输入经过一个卷积，核大小 {kernel}，步长 {stride}{dilationText}。要使输出宽度恰好为 M = {target}，最小的对称填充 P 是多少？',
  'quiz.inverse.stride':
    '宽度为 X = {size} 的输入经过一个卷积，核大小 {kernel}，填充 {padding}{dilationText}。步长 S 取多少时，输出宽度恰好为 M = {target}？',
  'quiz.inverse.dilation':
    '宽度为 X = {size} 的输入经过一个有 {kernel} 个抽头的卷积，步长 {stride}，填充 {padding}。扩张率 d 取多少时，输出宽度恰好为 M = {target}？',
  'quiz.conv-params.plain':
    'Conv2d({inChannels} → {outChannels}, kernel {kernel}, groups={groups}, bias={bias}) 有多少个可学习参数？',
  'quiz.conv-params.separable':
    '一个深度可分离卷积块：先是逐通道卷积 Conv2d({inChannels} → {inChannels}, kernel {kernel}, groups={inChannels}, bias={bias})，再接逐点卷积 Conv2d({inChannels} → {outChannels}, kernel 1×1, bias={pwBias})。整个块共有多少个可学习参数？',
  'quiz.linear-params.one': 'Linear({nin} → {nout}, bias={bias}) 有多少个可学习参数？',
  'quiz.linear-params.flatten':
    '形状为 {input}（C×H×W）的特征图被展平后送入 Linear(? → {nout}, bias={bias})。这个 Linear 层有多少个可学习参数？',
  'quiz.linear-params.mlp':
    '一个 MLP 的各层大小为 {sizes}（每一层都是 bias={bias} 的 Linear）。它一共有多少个可学习参数？',
  'quiz.macs.conv': '{layer} 作用于形状为 {input}（C×H×W）的输入。{convention}该层的 {unit} 是多少？',
  'quiz.memory.elements': '{layer} 作用于形状为 {input}（C×H×W）的输入。它的输出特征图包含多少个元素？',
  'quiz.memory.bytes':
    '{layer} 作用于形状为 {input}（C×H×W）的输入，数据类型为 {dtype}（每个值 {bytes} 字节）。它的输出特征图有多大？请{unitText}作答。',
  'quiz.memory.access':
    '{layer} 作用于形状为 {input}（C×H×W）的输入，数据类型为 {dtype}（每个值 {bytes} 字节）。它的访存量 = 读取输入 + 读取参数 + 写回输出。这一共是多少字节？请{unitText}作答。',
  'quiz.network.params': '一个输入为 {input} 的网络：\n{layers}\n它一共有多少个可学习参数？',
  'quiz.network.macs':
    '一个输入为 {input} 的网络：\n{layers}\n一次前向传播需要多少次 MAC（卷积层和全连接层的乘加运算，不计偏置加法）？',
  'quiz.network.max-macs': '一个输入为 {input} 的网络：\n{layers}\n哪一层执行的 MAC 最多？请回答该层的名称。',
  'quiz.network.max-params': '一个输入为 {input} 的网络：\n{layers}\n哪一层的参数最多？请回答该层的名称。',
  'quiz.rf.stack': '考虑如下一维网络（从输入端起）：\n{layers}\n{askText}{holesText}',
  'quiz.rf.dilation':
    '考虑如下一维网络（从输入端起）：\n{layers}\n最后一层是一个 {k} 抽头、步长为 1、扩张率为 d 的卷积。d 取多少时，其输出的感受野（从它看到的第一个输入像素到最后一个的跨度）恰好为 {target}？',
  'quiz.rf.branches':
    '两个分支读取同一个输入；其中每个卷积都使用“same”填充（PyTorch：总填充量为奇数时，多出的一个像素补在后面），步长为 1。\n分支 A：\n{a}\n分支 B：\n{b}\n两者的输出相加{afterText}\n最终输出的一个单元的感受野（一维，以输入像素计）是多少？{holesText}',
  'quiz.gradient.chain':
    '反向传播经过由 {n} 个标量单元 aₗ = fₗ(wₗ·aₗ₋₁ + bₗ) 组成的链，其中{layers}。取每个激活函数导数的最大可能值，|∂aₙ/∂a₀| 的上界是多少？请保留 3 位有效数字（例如 1.23e-4）。',
  'quiz.gradient.clip-factor':
    '梯度 {g} 被裁剪到全局 L2 范数不超过 {c}（torch.nn.utils.clip_grad_norm_）。它被乘以多大的系数？请保留 3 位有效数字。',
  'quiz.gradient.clip-norm':
    '某梯度的全局 L2 范数为 {norm}，被裁剪到范数不超过 {c}（torch.nn.utils.clip_grad_norm_）。它被乘以多大的系数？请保留 3 位有效数字。',
  'quiz.gradient.clip-component':
    '梯度 {g} 被裁剪到全局 L2 范数不超过 {c}。裁剪后它的第一个分量是多少？请保留 3 位有效数字。',
  'quiz.gradient.l2':
    '权重 w = {w}，数据梯度 g = {g}{gText}。损失中含有 L2 惩罚项 λ·w²，其中 λ = {lambda}；用学习率 {lr} 的普通 SGD 运行 {stepsText}。之后 w 是多少？请保留 3 位有效数字。',
  'quiz.concepts.item': '{question}',
  'quiz.concepts.rf-fit':
    '一组卷积的核大小依次为 {kernels}，步长依次为 {strides}。最后一层的一个单元能完整看到下列正方形物体中最大的是哪一个：宽 {objects} 像素？',
  'quiz.training.inplace':
    'ReLU 作用于一批 {batch} 张形状为 {shape}（C×H×W）的激活图，数据类型为 {dtype}（每个值 {bytes} 字节）。与非原地的 ReLU 相比，nn.ReLU(inplace=True) 能节省多少内存？请以 {unit} 为单位，保留 4 位有效数字。',
  'quiz.training.access':
    '一个逐元素的{op}作用于形状为 {shape}（C×H×W）的特征图，数据类型为 {dtype}（每个值 {bytes} 字节）。{opText}它的访存量（读取的字节数 + 写出的字节数）是多少？请以 {unit} 为单位，保留 4 位有效数字。',
  'quiz.training.l1':
    '权重 w = {w}，数据梯度 g = {g}。损失中含有 L1 惩罚项 λ·|w|，其中 λ = {lambda}；用学习率 {lr} 的普通 SGD 更新一步。之后 w 是多少？请保留 3 位有效数字。',
  'quiz.training.rnn-factor':
    '一个 tanh RNN 经过 {steps} 个时间步做反向传播。Wₕₕ 是对称矩阵，谱半径 ρ = {rho}（因此其最大奇异值也是 ρ），且 tanh′ ≤ 1。梯度范数从最后一步传回第一步，其变化倍数的上界 ρᵀ 是多少？请保留 3 位有效数字。',
  'quiz.training.rnn-steps':
    '一个 tanh RNN 的 Wₕₕ 是对称矩阵，谱半径 ρ = {rho}，且 tanh′ ≤ 1，所以经过 T 步的梯度至少像 ρᵀ 那样缩小。这个上界在第几步 T 首次低于 {threshold}？',
  'quiz.training.update-ratio':
    '用学习率 {lr} 的 SGD 更新一步，某层权重的范数 ‖W‖ = {weightNorm}，梯度的范数 ‖g‖ = {gradNorm}。更新量与权重之比 η·‖g‖/‖W‖ 是多少（训练正常时约为 10⁻³）？请保留 3 位有效数字。',
  ...Object.fromEntries(Object.entries(CONCEPTS_ZH).map(([id, c]) => [`quiz.concepts.${id}`, c.question])),
};

/** 核心在题目参数中给出的英文片段的中文写法。 */
export const PARAM_TEXT_ZH: Record<string, string> = {
  'What is the output height (= width) M?': '输出的高度（= 宽度）M 是多少？',
  'What is the output shape C × H × W?': '输出形状 C × H × W 是多少？',
  ', ceil_mode=True': '，ceil_mode=True',
  '"same" (output ⌈X/S⌉; an odd extra pixel goes after, as in TensorFlow)':
    '“same”（输出为 ⌈X/S⌉；总填充量为奇数时，多出的一个像素补在后面，与 TensorFlow 相同）',
  'Count multiply-accumulates (MACs): one multiply plus one add is 1 MAC; bias adds are not counted.':
    '统计乘加次数（MAC）：一次乘法加一次加法计为 1 个 MAC；不计偏置加法。',
  'Count FLOPs with the convention FLOPs = 2 × MACs (each multiply-accumulate is a multiply and an add); bias adds are not counted.':
    '按 FLOPs = 2 × MACs 的约定统计 FLOPs（每次乘加是一次乘法和一次加法）；不计偏置加法。',
  'Count FLOPs = 2 × MACs plus one add per output element for the bias.':
    '统计 FLOPs = 2 × MACs，再加上每个输出元素一次偏置加法。',
  'in bytes': '以字节为单位',
  'stating the unit (e.g. MB = 10⁶ bytes or MiB = 2²⁰ bytes), to 4 significant digits':
    '注明单位（例如 MB = 10⁶ 字节或 MiB = 2²⁰ 字节），保留 4 位有效数字',
  ' (the same at every step)': '（每一步都相同）',
  '.': '。',
  ReLU: ' ReLU ',
  addition: '加法',
  BatchNorm: '批归一化',
  'It reads its input and writes its output (not in place).': '它读取输入并写出输出（非原地）。',
  'It adds two such maps (a residual sum) and writes the result to a new map.':
    '它把两张这样的特征图相加（残差求和），并把结果写到一张新的特征图中。',
  'In inference it reads its input, one scale and one shift per channel, and writes its output.':
    '推理时它读取输入、每个通道的一个缩放系数和一个平移量，并写出输出。',
  ' Give its extent, from the first to the last input pixel it sees: some pixels in between are not read (holes).':
    '请给出它的跨度，即从它看到的第一个输入像素到最后一个输入像素：其间有些像素不会被读取（空洞）。',
  'What is the receptive field (in input pixels) of one unit of the last layer?':
    '最后一层的一个单元的感受野（以输入像素计）是多少？',
  'What are the receptive field r and the jump j (distance in input pixels between neighbouring output units) of the last layer? Answer as "r, j".':
    '最后一层的感受野 r 和跳距 j（相邻输出单元在输入上的像素间距）各是多少？请按“r, j”的格式作答。',
};

/** 答案格式提示（键与核心的 FORMAT_TEMPLATES 相同）。 */
export const FORMAT_TEMPLATES_ZH: Record<string, string> = {
  'format.count': '请填写精确值，写出全部位数，不要四舍五入：例如 {a} 或 {b}。',
  'format.integer': '填一个整数，例如 {a}。',
  'format.size': '填一个整数 M，例如 {a}（也可写成 {b}）。',
  'format.sigfigs': '保留 {digits} 位有效数字，例如 {a} 或 {b}。',
  'format.shape': '按 C × H × W 写出形状，例如 {a}。',
  'format.pair': '两个数 r 和 j，例如 {a}（也可以写 {b}）。',
  'format.bytes-unit':
    '以 {unit} 为单位，保留 4 位有效数字，例如 {a}；也可以写出精确的字节数并带上 B，例如 {b}。',
  'format.bytes-exact': '精确的字节数，例如 {a}。',
  'format.bytes-any': '写明单位（KB、MB、KiB、MiB 等），保留 4 位有效数字，例如 {a}。',
  'format.choice': '一个选项的字母，例如 {a}。',
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
    'inplace.saved': '节省的内存（字节）',
    'l1.next': '一步之后的 w（L1）',
    'rnn.bound': '梯度变化倍数的上界',
    'rnn.steps': '所需的步数',
    'update.ratio': '更新量与权重之比',
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
