import type en from '../en/progress';

/** 学习进度页面的文字。 */
const zhCN: typeof en = {
  progress: {
    title: '学习进度',
    subtitle: '你的练习答题记录、各知识点的掌握程度，以及系统按遗忘规律安排的复习。',
    lessonsVisited: '已学习课程',
    lessonsCompleted: '已完成课程',
    attempts: '练习作答次数',
    correct: '答对次数',
    accuracy: '正确率',
    reviewsDue: '待复习',
    streak: '连续学习天数',
    loadError: '无法加载学习进度：{message}',
    accuracyTitle: '每日正确率（最近 30 天）',
    accuracySeries: '正确率',
    attemptsSeries: '作答次数',
    masteryTitle: '各知识点掌握程度',
    masterySeries: '掌握程度',
    forecastTitle: '待复习数量（未来 14 天）',
    forecastSeries: '复习',
    noData: '暂无数据：先做几道练习题吧。',
    exportPng: '导出 PNG',
    queueTitle: '复习队列',
    queueEmpty: '目前没有需要复习的题目。',
    startReviews: '开始复习',
    queueColumns: { card: '题目', skill: '知识点', due: '到期时间', reps: '复习次数', lapses: '遗忘次数' },
    cardSkill: '知识点题目',
    cardQuestion: '{difficulty}难度，每次复习都换一组新数字',
    knowledgeTitle: '现在还记得多少',
    knowledgeHelp:
      '每道复习题目的可提取率，是根据它的复习记录（FSRS）估计的你此刻答对该知识点题目的概率；预期掌握度是它们的平均值。答对一道题时，它所依赖的知识点也会记一次较弱的复习（例如感受野题会带上步长）。',
    knowledgeAll: '预期掌握度',
    knowledgeCards: '共 {n} 道题目',
    knowledgeEmpty: '还没有复习题目：先做几道练习题吧。',
    knowledgeColumns: { cards: '题目数', expected: '预期掌握度', retrievability: '当前可提取率' },
    data: '你的数据',
    dataHelp:
      '导出会把你的全部数据（设计、课程、练习答题记录和复习题目）保存为一个 JSON 文件；导入会把这样的文件合并到本机现有数据中。',
    exportData: '导出 JSON',
    importData: '导入 JSON',
    imported: '已导入：新增 {added} 条，替换 {replaced} 条，未变 {unchanged} 条。',
    importedPartly:
      '已导入：新增 {added} 条，替换 {replaced} 条，未变 {unchanged} 条；另有 {refused} 条无法使用的记录未导入。',
    importStarting: '正在读取文件…',
    importPhase: {
      checking: '正在检查记录：{done} / {total}',
      writing: '正在导入记录：{done} / {total}',
    },
    importRefused:
      '这个文件中有 {refused} 条记录 ConvScope 无法使用（见下方列表）。其余记录可以导入：新增 {added} 条，替换 {replaced} 条。目前还没有做任何修改。',
    importMoreRefused: '还有 {count} 条',
    importUsable: '只导入可用的记录',
    dataError: '数据传输失败：{message}',
    invalidFile: '该文件不是 ConvScope 数据文件：{detail}',
  },
  progressDue: {
    now: '现在可复习',
    later: '稍后到期',
  },
};
export default zhCN;
