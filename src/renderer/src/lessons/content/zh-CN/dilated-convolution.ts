import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '空洞卷积',
  summary: '把卷积核撑开：同样的权重换来更大的感受野，以及随之而来的空洞。',
  sections: [
    {
      id: 'effective-kernel',
      title: '等效卷积核',
      blocks: [
        '空洞卷积（dilated / atrous convolution）的扩张率为 $d$ 时，$K$ 个抽头彼此相隔 $d$ 个像素。参数量与普通 $K$ 抽头卷积核相同，覆盖范围却是 $K_{eff}$ 个像素：',
        { tex: 'K_{eff} = d\\,(K - 1) + 1' },
        '$K = {{d2.K}}$ 时，扩张率 {{d2.d}} 覆盖 {{d2.Keff}} 个，扩张率 {{d4.d}} 覆盖 {{d4.Keff}} 个。输出尺寸公式中用 $K_{eff}$ 代替 $K$：$X = {{d2.X}}$、填充 {{d2.P}} 时 $M = {{d2.M}}$，尺寸保持不变。',
        { widget: 'conv-sliders-dilated' },
      ],
    },
    {
      id: 'growth',
      title: '指数式增长',
      blocks: [
        '在感受野的递推公式中，用 $K_{eff}$ 代替 $K$。每层把扩张率翻倍，感受野就呈指数增长：{{dil.layers}} 个 $K = {{dil.K}}$ 的卷积，扩张率依次为 {{dil.d1}}、{{dil.d2}}、{{dil.d3}}、{{dil.d4}}，感受野达到 {{dil.r4}}；而 {{plain.layers}} 个普通卷积只有 {{plain.r4}}。权重数量相同，分辨率也没有损失。',
        { widget: 'rf-dilated' },
      ],
    },
    {
      id: 'gridding',
      title: '网格效应',
      blocks: [
        '重复使用相同的扩张率有个问题。扩张率为 {{grid.d1}} 的 {{grid.layers}} 层覆盖 {{grid.r3}} 个像素，却只读取其中 {{grid.read}} 个：每个抽头都落在同一奇偶性的位置上，中间的像素从未被读取。感受野里出现了**空洞**，呈棋盘状，称为网格效应（gridding）。选一个输出单元，看看输入那一行。',
        { widget: 'rf-gridding' },
        '混用能相互补位的扩张率可以填上空洞：扩张率取 {{mix.d1}}、{{mix.d2}}、{{mix.d3}} 时，{{mix.r3}} 像素宽的感受野中 {{mix.read}} 个像素全部被读取。在空洞卷积之后接一个普通卷积也有帮助。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        {
          tex: 'K_{eff} = d\\,(K - 1) + 1 \\qquad M = \\left\\lfloor \\frac{X + 2P - K_{eff}}{S} \\right\\rfloor + 1',
        },
        { tex: 'RF_l = RF_{l-1} + (K_{eff,l} - 1) \\cdot j_{l-1}' },
        {
          list: [
            '同样的权重覆盖更宽的范围；不用池化，感受野也能指数式增长。',
            '重复同一个扩张率会留下空洞（网格效应）：感受野的范围只是外包区间，其中的像素并非都被读取。',
          ],
        },
      ],
    },
  ],
};

export default lesson;
