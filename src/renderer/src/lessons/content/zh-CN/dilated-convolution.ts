import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '空洞卷积',
  summary: '把卷积核撑开：同样的权重换来更大的感受野，以及随之而来的空洞。',
  sections: [
    {
      id: 'effective-kernel',
      title: '等效卷积核',
      blocks: [
        '空洞卷积（dilated / atrous convolution）的扩张率为 $d$ 时，$K$ 个抽头彼此相隔 $d$ 个像素。它的权重与 $K$ 抽头的卷积核相同，覆盖范围却是',
        { tex: 'K_{eff} = d\\,(K - 1) + 1' },
        '个像素：$K = {{d2.K}}$ 时，扩张率 {{d2.d}} 覆盖 {{d2.Keff}} 个，扩张率 {{d4.d}} 覆盖 {{d4.Keff}} 个。输出尺寸公式中用 $K_{eff}$ 代替 $K$：$X = {{d2.X}}$、填充 {{d2.P}} 时 $M = {{d2.M}}$，尺寸保持不变。',
        { widget: 'conv-sliders-dilated' },
      ],
    },
    {
      id: 'growth',
      title: '指数式增长',
      blocks: [
        '在感受野的递推公式中，用 $K_{eff}$ 代替 $K$。每层把扩张率翻倍，感受野就呈指数增长：扩张率依次为一、二、四、八的四个 3×3 卷积，感受野达到 {{dil.r4}}，而四个普通卷积只有 {{plain.r4}}——权重数量相同，分辨率也没有损失。',
        { widget: 'rf-dilated' },
      ],
    },
    {
      id: 'gridding',
      title: '网格效应',
      blocks: [
        '重复使用相同的扩张率有个问题。扩张率为二的三层覆盖 {{grid.r3}} 个像素，但每个抽头都落在同一奇偶性的位置上：中间的那些像素从未被读取。感受野里出现了**空洞**，呈棋盘状，称为网格效应（gridding）。选一个输出单元，看看输入那一行。',
        { widget: 'rf-gridding' },
        '混用能相互补位的扩张率（例如一、二、四）可以填上空洞；在空洞卷积之后接一个普通卷积也可以。',
      ],
    },
  ],
};

export default lesson;
