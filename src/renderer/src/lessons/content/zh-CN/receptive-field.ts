import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '感受野',
  summary: '一个输出单元能看到哪些输入像素，以及感受野如何逐层增长。',
  sections: [
    {
      id: 'definition',
      title: '定义',
      blocks: [
        '一个单元的**感受野**（receptive field，RF）是它的值所依赖的输入图像区域。区域外的像素怎么变，这个单元都不受影响。',
        '先看一维情形：卷积核大小为 $K$ 的卷积，看的是前一层（靠近输入的那一层）中相邻的 $K$ 个单元。把 {{t.layers}} 个 $K = {{t.K}}$、步长为 {{t.S1}} 的卷积叠在一起：第一层的单元看到 {{t.r1}} 个像素，第二层 {{t.r2}} 个，第三层 {{t.r3}} 个。点击一个输出单元，查看它的感受野。',
        { widget: 'rf-classic' },
      ],
    },
    {
      id: 'recursion',
      title: '递推公式',
      blocks: [
        '每一层使感受野增加 $K_l - 1$ 步，一步是前一层相邻两个单元之间的距离；而第 $l-1$ 层的一步，相当于此前各层步长之积个输入像素：',
        { tex: 'RF_l = RF_{l-1} + (K_l - 1) \\cdot \\prod_{i<l} S_i, \\qquad RF_0 = 1' },
        '乘积 $j_l = \\prod_{i \\le l} S_i$ 称为**跳距**（jump）：第 $l$ 层相邻两个单元在输入上相距的像素数。',
        '池化层在递推中和卷积完全一样：窗口大小就是 $K_l$，步长就是 $S_l$。',
      ],
    },
    {
      id: 'stride',
      title: '步长让感受野长得更快',
      blocks: [
        '把第一层的步长设为 {{s.S1}}：感受野变成 {{s.r1}}、{{s.r2}}、{{s.r3}}，因为之后每一层每走一步都跨过 {{s.j1}} 个输入像素（最后一层的跳距为 {{s.j3}}）。',
        { widget: 'rf-strided' },
        '真实网络由许多层和步长组合而成：AlexNet 最后一个池化层的感受野为 {{alexnet.rf}} 像素，跳距为 {{alexnet.jump}}；VGG-16 则为 {{vgg16.rf}} 像素，跳距为 {{vgg16.jump}}。这些是理论感受野；实际上感受野中心部分的影响最大。',
      ],
    },
    {
      id: 'effective',
      title: '有效感受野',
      blocks: [
        '理论感受野说明哪些像素**能够**影响一个单元；每个像素实际影响多大，要看梯度：把这个单元在所有通道上求和得到 $y$，再看每个输入像素上的 $|\\partial y / \\partial x|$，对输入通道求和并归一化使总和为 1。Luo 等人（2016）把这张图称为**有效感受野**（ERF）。权重都相同时，它就是从该像素到这个单元的路径条数：中心有很多条路径，感受野边缘只有一条。',
        {
          tex: '\\mathrm{ERF}(p) = \\frac{\\sum_c |\\partial y / \\partial x_c(p)|}{\\sum_{p\\prime} \\sum_c |\\partial y / \\partial x_c(p\\prime)|}',
        },
        '梯度集中在一个近似高斯分布的中心，它的宽度只随深度 $L$ 按 $\\sqrt{L}$ 增长，而理论感受野按 $L$ 增长。{{erf.maxDepth}} 层 3×3 卷积堆叠的感受野是 {{erf.deep.rf}} 像素，但 68% 的梯度落在边长 {{erf.deep.side68}} 的正方形内，95% 落在边长 {{erf.deep.side95}} 的正方形内。从深度 {{erf.fitFrom}} 开始拟合，68% 正方形的边长按 $L^{ {{erf.alpha68 | fixed2}} }$ 增长，而感受野按 $L^{ {{erf.alphaRf | fixed2}} }$ 增长。',
        { widget: 'erf-depth' },
        '网络结构怎样改变有效感受野（所有权重取相同值）：**空洞卷积**把抽头拉开，扩张率 1、2、4、8 的堆叠（感受野 {{erf.dilated.rf}}）把 68% 的梯度放在边长 {{erf.dilated.side68}} 的正方形里，占了感受野的大部分。**下采样**会放大后面每一层的跳距：步长 2、2、1、1 的感受野达到 {{erf.strided.rf}}，68% 正方形的边长是 {{erf.strided.side68}}。**残差连接**增加了短路径：感受野同样是 {{erf.residual.rf}}（8 层普通卷积也是 {{erf.plain.rf}}），68% 正方形却从 {{erf.plain.side68}} 缩小到 {{erf.residual.side68}}，因为大部分梯度走的是捷径。**网格效应**表现为空洞：连续三次扩张率 2 读不到奇数偏移的像素，感受野中 {{erf.gridding.hullPixels}} 个像素里有 {{erf.gridding.holes}} 个梯度恰好为零。',
        { widget: 'erf-variants' },
        {
          note: '在网络设计工作区可以计算任意设计的有效感受野（“有效感受野”标签页），命令行里用 `convscope erf`：两处用同一套算法，结果一致。',
        },
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        {
          tex: 'RF_l = RF_{l-1} + (K_l - 1) \\cdot j_{l-1} \\qquad j_l = \\prod_{i \\le l} S_i \\qquad RF_0 = j_0 = 1',
        },
        {
          list: [
            '池化层和卷积一样计算，窗口大小就是 $K$。',
            '一层的步长放大的是它之后各层的增长，而不是它自己的。',
            '有效感受野比理论感受野小得多：它的边长按 √深度 增长，而不是按深度增长。',
          ],
        },
      ],
    },
  ],
};

export default lesson;
