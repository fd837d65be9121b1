import type { LessonText } from '../../types';

const lesson: LessonText = {
  title: '梯度消失',
  summary: '为什么深层 sigmoid 网络的前几层学不动。',
  sections: [
    {
      id: 'chain',
      title: '一连串因子的乘积',
      blocks: [
        '反向传播逐层应用链式法则。对于单元链 $a_l = f(w_l a_{l-1} + b_l)$，到达第 $l$ 层的梯度是它后面所有层的因子之积：',
        {
          tex: "\\frac{\\partial L}{\\partial a_{l}} = \\frac{\\partial L}{\\partial a_{D}} \\prod_{k=l+1}^{D} w_k \\, f'(u_k)",
        },
        "每个因子 $w_k f'(u_k)$ 都会缩放梯度。如果这些因子大多小于 1，乘积就随深度指数式地缩小。好的初始化让因子中权重那部分保持在 1 附近（见上一课）；另一部分是激活函数的斜率。",
      ],
    },
    {
      id: 'sigmoid',
      title: 'sigmoid 函数',
      blocks: [
        "sigmoid 的导数为 $\\sigma'(u) = \\sigma(u)(1 - \\sigma(u))$，最大只有 {{sig.max}}（在 $u = 0$ 处），单元饱和时还要小得多。权重大小为 1 时，五层 sigmoid 就把梯度缩小到至多 {{sig.chain5|sci}} 倍，二十层则是 {{sig.chain20|sci}} 倍。",
        '于是前几层几乎收不到梯度，停止学习，而最后几层仍在训练。整个网络就像是在随机特征之上的一个浅层网络。',
      ],
    },
    {
      id: 'demo',
      title: '亲眼看看',
      blocks: [
        '下面实际训练一个用 Xavier 初始化的深层 sigmoid 网络。图中以对数坐标画出第一步时到达每个隐藏层的梯度；第二个演示把采用 He（Kaiming）初始化的 ReLU 网络放在旁边对比。',
        { widget: 'grad-vanishing' },
        'tanh 的斜率更大（最大 {{tanh.max}}），但同样会饱和；ReLU 类激活函数在正输入上保持斜率 {{relu.max}}。最后一课汇总了各种解决方法。',
      ],
    },
    {
      id: 'recap',
      title: '小结',
      blocks: [
        {
          tex: "\\frac{\\partial L}{\\partial a_{l}} = \\frac{\\partial L}{\\partial a_{D}} \\prod_{k=l+1}^{D} w_k \\, f'(u_k) \\qquad \\Big|\\frac{\\partial a_D}{\\partial a_l}\\Big| \\le \\prod_{k} |w_k| \\max |f'|",
        },
        { tex: "\\sigma'(u) = \\sigma(u)\\,(1 - \\sigma(u)) \\le \\tfrac{1}{4}" },
        {
          list: [
            '因子小于 1 时，前面各层的梯度随深度指数式缩小。',
            '饱和的 sigmoid 和 tanh 单元斜率接近零。',
          ],
        },
      ],
    },
  ],
};

export default lesson;
