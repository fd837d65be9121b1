import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '卷积的输出尺寸',
  summary: '输入尺寸、卷积核、填充和步长如何决定特征图的尺寸。',
  sections: [
    {
      id: 'formula',
      title: '公式',
      blocks: [
        '卷积用一个 $K \\times K$ 的卷积核在 $X \\times X$ 的输入上滑动。填充（padding）在每一侧补上 $P$ 行、$P$ 列的零，步长（stride）$S$ 是窗口在相邻两个输出之间移动的距离。窗口沿一条边能停留的位置数就是输出尺寸 $M$：',
        { tex: 'M = \\left\\lfloor \\frac{X + 2P - K}{S} \\right\\rfloor + 1' },
        '分子是窗口在填充后的输入中可以移动的空间；除以步长得到移动的步数，$+1$ 则算上起始位置。',
        '例：$X = {{a.X}}$，$K = {{a.K}}$，$P = {{a.P}}$，$S = {{a.S}}$，得到 $M = \\left\\lfloor \\frac{ {{a.X}} + 2 \\cdot {{a.P}} - {{a.K}} }{ {{a.S}} } \\right\\rfloor + 1 = {{a.M}}$。',
      ],
    },
    {
      id: 'try-it',
      title: '动手试试',
      blocks: [
        '拖动滑块，或直接输入数字（输入尺寸最大可到 {{widget.maxX}} 像素，本课的例子都能试）。公式会代入你的数字，示意图画出某个输出位置读取了哪些输入像素。所有数字都由程序实时计算。',
        { widget: 'conv-sliders' },
      ],
    },
    {
      id: 'inexact',
      title: '除不尽的时候',
      blocks: [
        'ResNet 的第一层使用 $X = {{b.X}}$，$K = {{b.K}}$，$P = {{b.P}}$，$S = {{b.S}}$。分子为 {{b.num}}，而 {{b.num}} / {{b.S}} = {{b.quot}}，不是整数。',
        '窗口只能整步移动，所以小数部分被舍去（向下取整）：$M = {{b.M}}$。除法的余数（这里是 {{b.rem}}）就是填充后输入末尾没有任何窗口够得着的列数。在这个例子里，这些列都落在右侧的 {{b.P}} 列填充之中，没有丢掉任何输入像素（跳过的输入列数为 {{b.lostInput}}）；如果填充更少，就会有真实输入列被漏掉。',
      ],
    },
    {
      id: 'rectangles',
      title: '矩形输入',
      blocks: [
        '高和宽互不相干：各自套用同一个公式；如果层的卷积核、填充、步长在两个方向上不同，就各用各的。',
        '输入 ${{r.H}} \\times {{r.W}}$，$K = {{r.K}}$，$P = {{r.P}}$，$S = {{r.S}}$，输出为 ${{r.Mh}} \\times {{r.Mw}}$。若有 $C_{out}$ 个卷积核，输出张量就是 $C_{out} \\times M_h \\times M_w$。',
      ],
    },
    {
      id: 'padding-modes',
      title: '填充方式',
      blocks: [
        {
          list: [
            '**valid**：不填充，$P = 0$；每个窗口都完全落在输入内，特征图变小。',
            '**same**：填充到 $M = \\lceil X / S \\rceil$。总填充量为 $\\max\\big((M - 1) S + K - X,\\ 0\\big)$；为奇数时，多出的那个像素补在后面（TensorFlow 如此；PyTorch 只在步长为 $1$ 时支持 “same”，也是补在后面）。',
          ],
        },
        '当 $X = {{s.X}}$，$K = {{s.K}}$，$S = {{s.S}}$ 时，“same” 得到 $M = {{s.M}}$，前面填充 {{s.Pb}} 个像素，后面填充 {{s.Pa}} 个。两侧补零不同时，公式把前面的记作 $P_b$、后面的记作 $P_a$：$2P$ 换成 $P_b + P_a$，“网络设计”页的公式也这样写。',
        '步长比卷积核大时，$\\max$ 就起作用了：$X = {{s2.X}}$，$K = {{s2.K}}$，$S = {{s2.S}}$ 时，$M = {{s2.M}}$ 个窗口本身就已超出输入，$(M - 1) S + K - X = {{s2.raw}}$，于是 “same” 根本不填充（{{s2.P}} 个像素）。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        { tex: 'M = \\left\\lfloor \\frac{X + 2P - K}{S} \\right\\rfloor + 1' },
        {
          list: [
            '向下取整丢掉不完整的最后一步；余数就是填充后末尾没有窗口够得着的列数。',
            '高和宽各用各的公式：输出张量为 $C_{out} \\times M_h \\times M_w$。',
            '“same”：$M = \\lceil X / S \\rceil$，总填充量 $\\max\\big((M - 1) S + K - X,\\ 0\\big)$，奇数时多的一个补在后面；“valid”：$P = 0$。',
          ],
        },
      ],
    },
  ],
};

export default lesson;
