import type en from '../en/grading';

/** 判分信息：答案读取与判分的提示（参数与英文相同），以及常见失误的说明。 */
const zhCN: typeof en = {
  grading: {
    notes: {
      empty: '答案是空的',
      'not-a-number': '“{raw}”不是有效数字',
      'decimal-comma-zero':
        '“{raw}”：这里的逗号是小数点吗？小数请用小数点写成 0.{digits}，整数请去掉开头的 0',
      'decimal-comma':
        '“{raw}”：这里的逗号既不是千位分隔符，也不能当小数点用；请写成 1.5 或 1,500 这样的形式',
      'percent-magnitude': '“{raw}”：百分数后面不能再带数量级后缀',
      'division-by-zero': '“{raw}”：分母为 0',
      bits: '“{raw}”：“{word}”是比特（1 字节 = 8 比特）；请以字节为单位写出大小，例如 {bytes}',
      'not-bytes': '“{raw}”：这道题问的不是字节数',
      'unknown-unit': '“{raw}”：无法识别的单位“{word}”',
      'milli-or-mega': '“{raw}”：“m”可能是毫（10⁻³），也可能是兆（10⁶）；请把数写全，或用大写 M 表示 10⁶',
      'unknown-suffix': '“{raw}”：无法识别的后缀“{word}”',
      'no-numbers': '“{raw}”里没有数',
      'list-item': '“{raw}”：“{part}”不是有效数字',
      'no-option-letter': '没有选项 {key}（选项：{keys}）',
      'no-option-number': '没有第 {number} 个选项（选项为 1–{count}）',
      'none-of-options': '“{raw}”不是任何一个选项；请回答选项字母（{keys}）',
      'choice-conflict': '字母 {key} 和选项 {other} 的内容对不上；请只写一个字母',
      'one-number': '这里只要一个数，而不是 {count} 个',
      'state-unit': '请写出单位（例如 MB = 10⁶ 字节，MiB = 2²⁰ 字节）：只写一个数，两种都有可能',
      'power-of-1000':
        '“{raw}”：{magnitude} 表示 1000 的幂，但题目要求以 {unit}（1024 的幂）为单位；请写出单位，例如“1.2 {unit}”或“1.2 MB”',
      'no-layer': '没有名为“{name}”的层（各层：{layers}）',
      'two-numbers': '这里要两个数',
      'shape-dims': '形状有 {want} 个维度，你的答案有 {got} 个',
      'exact-count': '很接近，但这里要精确的计数（{expected}）',
    },
    slips: {
      'forgot-2p': '看起来填充只算了一侧，而不是两侧（2P）。',
      'forgot-plus-one': '看起来漏掉了输出尺寸公式末尾的“+ 1”。',
      'floor-ceil': '看起来除法的取整方向错了（向下取整与 ceil_mode）。',
      'forgot-dilation': '看起来忽略了扩张率：等效核大小为 d(K − 1) + 1。',
      'forgot-bias': '看起来漏算了偏置。',
      'added-bias': '看起来算上了偏置，但这一层是 bias=False。',
      'ignored-groups': '看起来忽略了分组：每个卷积核只看到 Cᵢₙ / groups 个通道。',
      'macs-for-flops': '这是 MAC 数：按这个约定 FLOPs = 2 × MACs。',
      'flops-for-macs': '这是 2 × MACs（FLOPs）：这里一次乘加计为一个 MAC。',
      'forgot-bias-adds': '看起来漏掉了偏置加法（每个输出元素一次）。',
      'used-input-size': '看起来用了输入的高和宽，而不是输出尺寸。',
      'mixed-mb-mib': '看起来把 MB（10⁶ 字节）和 MiB（2²⁰ 字节）弄混了。',
      'dtype-bytes': '看起来每个值的字节数用错了（fp32 = 4，fp16 = 2）。',
      'forgot-input-read': '看起来访存量中漏掉了读取输入。',
      'forgot-weights-read': '看起来访存量中漏掉了读取参数。',
      'strides-multiplied-wrongly':
        '看起来把每层自己的步长也算进了它的跳距：第 l 层使感受野增加 (Kₗ − 1) 乘以它之前各层步长的乘积，不含它自己的步长。',
      'ignored-strides': '看起来忽略了步长：每个核使感受野增加 (K − 1) 乘以当前的跳距。',
      'max-of-branches': '这是较大那个分支的感受野；两个分支的中心不重合时，感受野是两个区间的外包区间。',
      'forgot-weight-factor': '看起来乘积中漏掉了权重因子 ∣w∣。',
      'used-sigmoid-value': '看起来用了 σ(0) = 0.5，而不是导数 σ′(0) = 0.25。',
      'inverted-clip-ratio': '比值颠倒了：缩放系数是 c / ‖g‖，裁剪时它小于 1。',
      'l1-norm': '看起来用了 ∣gᵢ∣ 之和；梯度裁剪用的是 L2 范数 √(Σ gᵢ²)。',
      'l2-factor-two': '看起来把惩罚项 λ·w² 求导成了 λ·w；它的梯度是 2λw。',
      'forgot-linear-layers': '看起来总数中漏掉了全连接层。',
      'params-for-macs': '那一层的参数最多，而不是 MAC 最多。',
      'macs-for-params': '那一层的 MAC 最多，而不是参数最多。',
      'counted-depthwise-only': '看起来只算了逐通道卷积；还要加上逐点 1×1 卷积。',
      'forgot-flatten': '看起来只把通道数当作 in_features；展平后输入为 C · H · W 个。',
      'l2-for-l1': '这是 L2 的更新（2λw）；L1 惩罚 λ·∣w∣ 给梯度加上的是 λ·sign(w)。',
    },
  },
};

export default zhCN;
