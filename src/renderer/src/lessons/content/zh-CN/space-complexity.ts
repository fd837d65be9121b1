import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '空间复杂度',
  summary: '参数、特征图、访存量、原地运算与计算强度。',
  sections: [
    {
      id: 'two-parts',
      title: '模型大小与运行时内存',
      blocks: [
        '内存由两部分组成。**参数**只存一份，决定模型大小：',
        { tex: '\\text{参数量} = \\sum_{l} K_l^2 \\cdot C_{l-1} \\cdot C_l \\;(+\\, C_l \\text{ 个偏置})' },
        '**特征图**在网络运行时产生；训练时还要保留下来供反向传播使用：',
        { tex: '\\text{激活值个数} = \\sum_{l} M_l^2 \\cdot C_l' },
        '这个小网络有 {{net.params}} 个参数（fp32 下每个 4 字节，共 {{net.paramBytes|bytes}}），但每张图像会产生 {{net.actElems}} 个激活值（{{net.actBytes|bytes}}）。VGG-16 有 {{vgg16.params|approx}}个参数（{{vgg16.paramBytes|bytes}}）；每张图像的特征图占 {{vgg16.actBytes|bytes}}，还要再乘以批大小。',
        { widget: 'net-chart-small' },
      ],
    },
    {
      id: 'in-place',
      title: '原地运算',
      blocks: [
        'ReLU 可以直接覆盖它的输入：$x \\leftarrow \\max(0, x)$，无需另开特征图。激活函数改为原地运算后，小网络的特征图内存从 {{net.actBytes|bytes}} 降到 {{net.actBytesInplace|bytes}}。当输入之后不再需要时，深度学习框架就会这样做（ReLU 的反向传播只需要输出的正负号）。',
      ],
    },
    {
      id: 'intensity',
      title: '访存量与计算强度',
      blocks: [
        '每一层都要读取输入和权重、写回输出，这些字节数之和就是它的**访存量**（ShuffleNet v2 把这个量也简写作“MAC”；在 ConvScope 里 MAC 只表示乘加，这个量一律叫访存量）。每搬运一个字节所完成的计算量叫**计算强度**（arithmetic intensity）：',
        { tex: 'I = \\frac{\\text{FLOPs}}{\\text{读取字节数} + \\text{写出字节数}}' },
        '在 {{conv.M}}×{{conv.M}} 的特征图上，{{conv.C}} 个通道的标准 ${{conv.K}} \\times {{conv.K}}$ 卷积每字节完成 {{std.ai|round}} 次浮点运算。换成逐通道卷积后，搬运的字节数仍超过原来的一半（{{dw.access|bytes}} 对 {{std.access|bytes}}），计算却少得多：每字节只有 {{dw.ai|fixed1}} 次。',
        '处理器的计算速度受限于内存供给数据的速度。设处理器每秒能完成 $F$ 次浮点运算（FLOPS），内存每秒能传送 $B$ 字节，那么计算强度低于 $F / B$ 的层就要等内存。计算强度低的层（逐通道卷积、激活函数、归一化、逐元素相加）是访存受限的：实际耗时比其 FLOPs 所暗示的更长。所以 FLOPs 更少的网络不一定更快。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        {
          tex: '\\text{参数量} = \\sum_{l} K_l^2 \\cdot C_{l-1} \\cdot C_l \\;(+\\, C_l) \\qquad \\text{激活值个数} = \\sum_{l} M_l^2 \\cdot C_l',
        },
        { tex: 'I = \\frac{\\text{FLOPs}}{\\text{访存量}} \\qquad I < F / B \\text{ 时访存受限}' },
        {
          list: [
            '字节数 = 数值个数 × 每个数值的字节数（fp32 为 4，fp16 为 2）。',
            '访存量 = 读取输入 + 读取权重 + 写出输出。原地运算的激活函数不写出新的特征图。',
          ],
        },
      ],
    },
  ],
};

export default lesson;
