/** 分析警告：键与核心的警告代码（src/core/analysis/warning-messages.ts）相同，参数也相同。 */
export default {
  analysisWarnings: {
    notes: {
      layer: '层 {layer}：{text}',
      'ceil-past-input':
        '沿 {axis} 方向，X + P_b + P_a − K_eff = {numerator} 不能被步长 {stride} 整除：开启 ceil_mode 后多出的最后一个窗口会越过输入边界',
      'unread-last-rows':
        '沿 H 方向，X + P_b + P_a − K_eff = {numerator} 不能被步长 {stride} 整除：输入的最后 {count} 行没有被任何窗口读到',
      'unread-last-columns':
        '沿 W 方向，X + P_b + P_a − K_eff = {numerator} 不能被步长 {stride} 整除：输入的最后 {count} 列没有被任何窗口读到',
      'unread-gaps-rows':
        '沿 H 方向，输入的 {size} 行中有 {count} 行没有被读到：每个窗口 {taps}{spacing}，步长 {stride}，窗口之间留有空隙{last}',
      'unread-gaps-columns':
        '沿 W 方向，输入的 {size} 列中有 {count} 列没有被读到：每个窗口 {taps}{spacing}，步长 {stride}，窗口之间留有空隙{last}',
      taps: '{count} 个抽头',
      'gaps-spacing': '、扩张率 {dilation}',
      'gaps-last-rows': '，最后 {count} 行也在其中',
      'gaps-last-columns': '，最后 {count} 列也在其中',
      'adaptive-unequal':
        '自适应池化沿 {axis} 方向把尺寸 {size} 池化为 {out}，窗口大小不一；感受野按最大的窗口计算',
      'misaligned-branches':
        '各分支的感受野中心不重合（{branches}）；合并后的感受野取能覆盖它们的最小范围 {h}×{w}，比最大的分支还大',
      'branch-rf': '{id}：{h}×{w}，起点 ({y}, {x})',
      'jump-mismatch': '各分支的跳距不同（{branches}）；按较大的跳距计算',
      'branch-jump': '{id} 为 {h}×{w}',
      'rf-holes':
        '感受野中有空洞：抽头之间的间距比每个抽头看到的范围还大，所以 {h}×{w} 范围内有些输入像素没有被读到',
      unsupported:
        '暂不支持算子 {name}：它的开销（参数量、MAC 数、FLOPs）未知，没有计入总计，所以总计不完整；感受野原样传给下一层',
      'beyond-2-53': '{what}达到 {value}，超过了 2⁵³（{max}），超出精确整数运算的范围',
      'limit-output-elements': '输出元素数',
      'limit-parameters': '参数量',
      'limit-macs': 'MAC 数',
      'limit-flops': 'FLOPs（浮点运算次数）',
      'limit-total-flops': '总 FLOPs',
      'limit-activation-bytes': '激活内存总字节数',
      'limit-memory-bytes': '访存总字节数',
      'onnx-skipped-one': '有 1 个 ONNX 节点没有放进模型（{op} 节点 {node}：{reason}）；总计不完整',
      'onnx-skipped':
        '有 {count} 个 ONNX 节点没有放进模型（第一个是 {op} 节点 {node}：{reason}）；总计不完整',
    },
    separator: '；',
  },
};
