import type en from '../en/home';

/** 首页。 */
const zhCN: typeof en = {
  home: {
    title: '欢迎使用 ConvScope',
    intro:
      '卷积神经网络复杂度学习实验室：输出尺寸、参数量、乘加（MAC）与 FLOPs、内存、感受野，以及梯度如何随深度消失或爆炸。',
    continue: {
      title: '继续学习',
      at: '上次学到“{section}”。',
      done: '已完成 {done} / {total} 节课',
      allDone: '所有课程都已完成。多做练习，巩固所学。',
      resume: '继续这节课',
      start: '开始这节课',
      path: '全部课程',
    },
    reviews: {
      title: '今日待复习',
      due: '答错的题目和需要巩固的知识点，安排在今天复习。',
      none: '今天没有需要复习的内容。',
      start: '开始复习',
    },
    streak: {
      title: '连续学习天数',
      days: '连续练习或学习课程的天数',
    },
    designs: {
      title: '最近的网络设计',
      empty: '还没有保存的网络设计。',
      open: '打开网络设计',
    },
  },
};

export default zhCN;
