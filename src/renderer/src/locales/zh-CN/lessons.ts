import type en from '../en/lessons';

/** 课程页面及其组件（课程正文在 src/renderer/src/lessons/content）。 */
const zhCN: typeof en = {
  lessons: {
    title: '课程',
    intro:
      '共 {count} 节课，从单个卷积的输出尺寸讲到权重初始化、梯度消失与梯度爆炸。课程中的数字都由程序实时计算。',
    doneCount: '已完成 {done} / {total} 节课',
    backToPath: '全部课程',
    status: {
      done: '已完成',
      started: '学习中',
      new: '未开始',
    },
    start: '开始',
    resume: '继续',
    review: '重温',
    complete: '将本课记为已完成',
    completed: '本课已完成。',
    next: '下一课：{title}',
    toPractice: '去练习',
    lab: {
      title: '到梯度实验室里试试',
      intro: '每个链接都会在实验室中打开一次训练，设置与本课一致：',
    },
    check: {
      title: '检验一下',
      intro: '题目随机生成，由程序自动判分。答错的题目会安排复习。',
      placeholder: '你的答案',
      placeholderUnit: '你的答案（单位：{unit}）',
      submit: '提交',
      retry: '再试一次',
    },
    widgets: {
      macs: 'MAC 数',
      flops: 'FLOPs',
      conv: {
        X: '输入尺寸 X',
        K: '卷积核尺寸 K',
        P: '填充 P',
        S: '步长 S',
        d: '扩张率 d',
        output: '输出尺寸 M =',
        keff: '等效卷积核尺寸',
        inexact: '除不尽：余数被舍去',
        tooBig:
          '没有输出：卷积核覆盖 {keff} 个像素，而填充后的输入只有 {padded} 个像素宽，放不下任何一个窗口。请加大输入或填充，或减小卷积核或扩张率。',
        empty: '“{name}”为空：请输入一个整数。',
      },
      cost: {
        X: '输入尺寸',
        Cin: '输入通道',
        Cout: '输出通道',
        K: '卷积核尺寸',
        S: '步长',
        outShape: '输出',
        weights: '权重个数',
      },
      attention: {
        tokens: '词元数 T',
        setup:
          '一层与 ViT-B/16 同宽的自注意力（D = {d}，{h} 个头），以及一个同宽、在同样 T 个时间步上运行的 LSTM。当 T = 2D = {cross} 时，词元间乘积追上投影。',
        projections: '投影 4·T·D²',
        products: '词元间乘积 2·T²·D',
        lstm: 'T 步的 LSTM',
        summary: '词元间乘积占这一层注意力 {total} 次乘加的 {share}。LSTM 的 {steps} 个时间步只能依次执行。',
      },
      net: {
        compute: '计算量',
        params: '参数量',
        memory: '特征图',
        title: '逐层：{unit}',
        total: '合计：',
      },
      rf: {
        help: '在最上面一行选一个单元：实心格是它在下面各层读取的单元，虚线格是它覆盖范围内却从未读取的空洞。',
        unit: '输出单元',
        input: '输入',
        layer: '第 {index} 层',
        row: '感受野 {size}，跳距 {jump}',
        alt: '一个单元穿过 {layers} 层直到输入行的感受野',
        summary: '{layers} 层之后的感受野：',
        jump: '跳距',
        holes: '一个输出单元实际读取的像素：在其覆盖的 {size} 个中只有 {read} 个（虚线为空洞）。',
      },
      erf: {
        title: '3×3 卷积堆叠的有效感受野随深度的变化',
        depth: '深度',
        pixels: '像素',
        rf: '理论感受野（2L + 1）',
        side68: '包含 68% 梯度的正方形',
        side95: '包含 95% 梯度的正方形',
        fit: '拟合：∝ L 的 {alpha} 次方',
        exponents: '从深度 {from} 起拟合的指数：68% 正方形为 {a68}，95% 正方形为 {a95}，理论感受野为 {rf}。',
        alt: '{depth} 层 3×3 卷积堆叠的有效感受野',
        caption:
          '深度 {depth}：感受野是 {rf} × {rf}，但 68% 的梯度落在 {s68} × {s68} 内，95% 落在 {s95} × {s95} 内。',
        variants: {
          plain: '8 层普通 3×3',
          residual: '8 层 3×3 + 残差连接',
          dilated: '扩张率 1、2、4、8',
          strided: '步长 2、2、1、1',
          gridding: '扩张率 2、2、2',
        },
        variantStats: '感受野 {rf}，68% 在 {s68} × {s68} 内，空洞 {holes} 个',
        variantsHelp:
          '均匀权重，取最后一层的中心单元。蓝框是理论感受野；白、绿虚线框分别包含 68%、95% 的梯度。',
      },
      growth: {
        title: '逐层感受野',
        size: '物体尺寸（像素）',
        object: '物体',
        first: '感受野能覆盖该物体的第一层：{layer}（感受野 {rf}）。',
        none: '该模型没有哪一层的感受野有这么大。',
      },
      init: {
        title: '初始化时各层的方差（{depth} 层，宽度 {width}）',
        schemes: {
          large: 'N(0, 1)',
          small: 'N(0, 0.01²)',
          xavier: 'Xavier',
          he: 'He',
        },
        activations: '激活值',
        gradients: '反向传播的梯度',
        weightGradients: '权重梯度',
        layer: '层',
        axis: 'log₁₀ 方差',
        gains: '每层增益（实测 / 理论）：前向 {fwd} / {fwdPredicted}，反向 {bwd} / {bwdPredicted}。',
        none: '无闭式解',
      },
    },
    demo: {
      openLab: '在梯度实验室中打开',
      labelSep: '：',
      choose: '选择一个演示',
      diverged: '发散（不是有限数）',
      axis: {
        layer: '隐藏层',
        step: '训练步',
        time: '时间步 t',
      },
      metric: {
        layer: '第一步回传的信号 ‖∂L/∂hₗ‖',
        step: '损失',
        time: '‖∂L/∂hₜ‖',
      },
      gap: {
        underflow:
          '{name}：t = {from} 到 {to} 处梯度小于双精度浮点数能表示的最小值，下溢为 0；对数坐标画不出 0，曲线在这一段是空的。',
        overflow: '{name}：t = {from} 到 {to} 处梯度上溢为无穷大，曲线在这一段是空的。',
        nan: '{name}：t = {from} 到 {to} 处梯度不是数（NaN），曲线在这一段是空的。',
      },
      summary: {
        layer: '到达第 1 层的信号 / 到达最后一个隐藏层的信号 = {value}，最终准确率 {accuracy}',
        step: '最终损失 {value}，准确率 {accuracy}',
        time: '从 t = T 回到 t = 0 损失了 {value} 个数量级',
      },
    },
  },
};

export default zhCN;
