/**
 * The built-in models in Chinese, by zoo name: a title where the English one is a description (model
 * names such as ResNet-50 stay as they are) and the one-line description. English reads the core's
 * (`listZoo`); a unit test checks that every built-in model is here.
 */
export const ZOO_ZH: Record<string, { title?: string; description: string }> = {
  lenet5: {
    description: 'LeCun 等人 1998 年：两组 5×5 卷积 + tanh + 平均池化，接三个全连接层，输入 1×32×32。',
  },
  alexnet: {
    description:
      'torchvision alexnet：五个卷积层（第一个是 11×11、步长 4）、三个最大池化、6×6 自适应池化和三个全连接层。',
  },
  vgg11: { description: 'torchvision vgg11（配置 A）：8 个 3×3 卷积 + 3 个全连接层。' },
  vgg16: { description: 'torchvision vgg16（配置 D）：13 个 3×3 卷积 + 3 个全连接层。' },
  vgg19_bn: {
    title: 'VGG-19（带 BatchNorm）',
    description: 'torchvision vgg19_bn（配置 E）：16 个 3×3 卷积，每个后接 BatchNorm，再接 3 个全连接层。',
  },
  resnet18: { description: 'torchvision resnet18：BasicBlock 个数 [2, 2, 2, 2]。' },
  resnet34: { description: 'torchvision resnet34：BasicBlock 个数 [3, 4, 6, 3]。' },
  resnet50: {
    description: 'torchvision resnet50（v1.5，步长放在 3×3 卷积上）：Bottleneck 个数 [3, 4, 6, 3]。',
  },
  resnet101: { description: 'torchvision resnet101（v1.5）：Bottleneck 个数 [3, 4, 23, 3]。' },
  resnet152: { description: 'torchvision resnet152（v1.5）：Bottleneck 个数 [3, 8, 36, 3]。' },
  googlenet: {
    description:
      'torchvision googlenet，推理模式：九个 Inception 模块，带 BatchNorm，不含辅助分类器，“5×5”分支实为 3×3。',
  },
  mobilenet_v1: { description: 'Howard 等人 2017 年（论文版，宽度 1.0）：13 个深度可分离卷积块。' },
  mobilenet_v2: { description: 'torchvision mobilenet_v2：带线性瓶颈和 ReLU6 的倒残差块。' },
  squeezenet1_1: {
    description: 'torchvision squeezenet1_1：Fire 模块、ceil_mode 最大池化、1×1 卷积分类器。',
  },
  mobilenet_v3_small: {
    description:
      'torchvision mobilenet_v3_small：带 squeeze-and-excitation（hard-sigmoid 门控）的倒残差块，激活为 ReLU 和 hardswish。',
  },
  efficientnet_b0: {
    description:
      'torchvision efficientnet_b0：16 个带 squeeze-and-excitation 和 SiLU 的 MBConv 块；随机深度在推理时不起作用。',
  },
  vit_b_16: {
    description:
      'torchvision vit_b_16：16×16 的图块构成 196 个 token，加一个类别 token；12 个编码器块，每块是 12 头自注意力和宽 3072 的 MLP。',
  },
  unet_small: {
    title: '小型 U-Net',
    description:
      '用于 1×64×64 分割的编码器–解码器：下采样用最大池化，上采样用转置卷积和双线性插值，跳跃连接按通道拼接。',
  },
  lstm_lm: {
    title: 'LSTM 语言模型',
    description: '35 个词元 id → 10,000 × 256 的嵌入 → 两层 512 维 LSTM → 每一步解码到 10,000 个词。',
  },
  gru_lm: {
    title: 'GRU 语言模型',
    description: '35 个词元 id → 10,000 × 256 的嵌入 → 两层 512 维 GRU → 每一步解码到 10,000 个词。',
  },
  rf_three_conv3: {
    title: '三个堆叠的 3×3 卷积',
    description: '感受野的经典例子：三个步长为 1 的 3×3 卷积，能看到输入中 7×7 的像素。',
  },
  rf_dilated_stack: {
    title: '空洞卷积堆叠（1, 2, 4, 8）',
    description: '四个 3×3 卷积，扩张率依次为 1、2、4、8：只用四层，感受野就长到 31。',
  },
};
