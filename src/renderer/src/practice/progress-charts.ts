import type { DayCount, Progress, SkillProgress } from '../../../shared/types';

/**
 * ECharts options for the Progress page, built from the backend's figures only. Kept free of ECharts
 * imports so the numbers that go into the charts can be unit-tested.
 */

export interface ChartLabels {
  accuracy: string;
  attempts: string;
  mastery: string;
  /** Reviews due now (what the Reviews-due tile and the queue count). */
  dueNow: string;
  /** Reviews that fall due later (on the first day: later today). */
  dueLater: string;
  skillName: (skill: string) => string;
  /** A share 0–1 as a percentage in the UI language ("48%"). */
  percent: (share: number) => string;
}

/** YYYY-MM-DD of a local calendar day `offset` days from `today`. */
export function dayKey(today: Date, offset: number): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

/** The last `days` local days, oldest first, with accuracy in % (null on days without answers). */
export function dailySeries(daily: readonly DayCount[], today: Date, days = 30) {
  const byDay = new Map(daily.map((d) => [d.day, d]));
  return Array.from({ length: days }, (_, i) => {
    const day = dayKey(today, i - days + 1);
    const d = byDay.get(day);
    return {
      day,
      attempts: d?.attempts ?? 0,
      accuracy: d && d.attempts > 0 ? Math.round((1000 * d.correct) / d.attempts) / 10 : null,
    };
  });
}

const axisLabel = (day: string) => day.slice(5);

/**
 * Series colours per theme. The dark ones keep at least 3:1 against the card (#181b21), the light
 * ones against white, so bars and points stay visible (WCAG non-text contrast).
 */
export function progressColors(dark: boolean) {
  return dark
    ? { bars: '#4f7fd6', line: '#ffd166', later: '#4f7fd6', now: '#ffd166' }
    : { bars: '#8fb0ea', line: '#1c3f8c', later: '#8fb0ea', now: '#2159c4' };
}

export function accuracyOption(p: Progress, today: Date, labels: ChartLabels, dark = false) {
  const series = dailySeries(p.daily, today);
  const colors = progressColors(dark);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.accuracy, labels.attempts], top: 0 },
    grid: { left: 44, right: 44, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: series.map((s) => axisLabel(s.day)) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => labels.percent(v / 100) } },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.attempts,
        type: 'bar',
        yAxisIndex: 1,
        data: series.map((s) => s.attempts),
        itemStyle: { color: colors.bars },
      },
      {
        name: labels.accuracy,
        type: 'line',
        connectNulls: true,
        data: series.map((s) => s.accuracy),
        itemStyle: { color: colors.line },
        lineStyle: { color: colors.line, width: 2 },
        symbolSize: 10,
      },
    ],
  };
}

/** Mastery in % per skill that has answers, in the order the backend lists them. */
export function masteryRows(skills: readonly SkillProgress[]) {
  return skills
    .filter((s) => s.attempts > 0)
    .map((s) => ({
      skill: s.skill,
      mastery: Math.round(s.mastery * 1000) / 10,
      attempts: s.attempts,
      correct: s.correct,
    }));
}

export function masteryOption(p: Progress, labels: ChartLabels) {
  const rows = masteryRows(p.skills);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 12, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { formatter: (v: number) => labels.percent(v / 100) },
    },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => labels.skillName(r.skill)) },
    series: [
      {
        name: labels.mastery,
        type: 'bar',
        data: rows.map((r) => r.mastery),
        barMaxWidth: 18,
        // A skill at 0 % has no bar; the label still says so.
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => labels.percent(p.value / 100),
        },
      },
    ],
  };
}

/**
 * Reviews per day, the first day split into what is due now (the Reviews-due tile and the queue) and
 * what falls due later today, so the chart and the tile never seem to disagree.
 */
export function forecastSplit(p: Progress): { now: number[]; later: number[] } {
  const now = p.forecast.map((_, i) => (i === 0 ? Math.min(p.reviewsDue, p.forecast[0]!.due) : 0));
  return { now, later: p.forecast.map((f, i) => f.due - now[i]!) };
}

export function forecastOption(p: Progress, labels: ChartLabels, dark = false) {
  const { now, later } = forecastSplit(p);
  const colors = progressColors(dark);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.dueNow, labels.dueLater], top: 0 },
    grid: { left: 36, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: p.forecast.map((f) => axisLabel(f.day)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: labels.dueNow,
        type: 'bar',
        stack: 'due',
        data: now,
        barMaxWidth: 22,
        itemStyle: { color: colors.now },
      },
      {
        name: labels.dueLater,
        type: 'bar',
        stack: 'due',
        data: later,
        barMaxWidth: 22,
        itemStyle: { color: colors.later },
      },
    ],
  };
}
