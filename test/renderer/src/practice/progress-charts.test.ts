import { formatPercent } from '../../../../src/renderer/src/format';
import { describe, expect, it } from 'vitest';
import {
  accuracyOption,
  dailySeries,
  dayKey,
  forecastOption,
  forecastSplit,
  masteryOption,
  masteryRows,
} from '../../../../src/renderer/src/practice/progress-charts';
import type { Progress } from '../../../../src/shared/types';

const today = new Date(2026, 2, 1, 15, 0); // 1 March 2026, local time

describe('dailySeries', () => {
  it('covers the last 30 local days, oldest first, across a month end', () => {
    const s = dailySeries([], today);
    expect(s).toHaveLength(30);
    expect(s[29]!.day).toBe('2026-03-01');
    expect(s[28]!.day).toBe('2026-02-28');
    expect(s[0]!.day).toBe(dayKey(today, -29));
    expect(s.every((d) => d.attempts === 0 && d.accuracy === null)).toBe(true);
  });

  it('puts each day of the backend at its place with its accuracy in percent', () => {
    // 2 of 3 right = 66.7 %; 1 of 1 = 100 %.
    const s = dailySeries(
      [
        { day: '2026-02-27', attempts: 3, correct: 2 },
        { day: '2026-03-01', attempts: 1, correct: 1 },
      ],
      today,
    );
    expect(s[27]).toEqual({ day: '2026-02-27', attempts: 3, accuracy: 66.7 });
    expect(s[28]).toEqual({ day: '2026-02-28', attempts: 0, accuracy: null });
    expect(s[29]).toEqual({ day: '2026-03-01', attempts: 1, accuracy: 100 });
  });
});

describe('masteryRows and forecastOption', () => {
  const progress: Progress = {
    lessons: [],
    attempts: { total: 4, correct: 3 },
    reviewsDue: 1,
    streakDays: 1,
    skills: [
      { skill: 'output-size', attempts: 4, correct: 3, mastery: 0.3, lastAttemptAt: 1 },
      { skill: 'concepts', attempts: 0, correct: 0, mastery: 0, lastAttemptAt: null },
    ],
    daily: [],
    forecast: [
      { day: '2026-03-01', due: 2 },
      { day: '2026-03-02', due: 0 },
    ],
    cards: [],
    knowledge: { all: null, cards: 0, bySkill: [] },
  };

  it('shows only skills with answers, mastery in percent', () => {
    expect(masteryRows(progress.skills)).toEqual([
      { skill: 'output-size', mastery: 30, attempts: 4, correct: 3 },
    ]);
  });

  it('charts the forecast as the backend gives it, today split into due now and due later', () => {
    const option = forecastOption(progress, {
      accuracy: 'a',
      attempts: 'b',
      mastery: 'c',
      dueNow: 'now',
      dueLater: 'later',
      skillName: (s) => s,
      percent: (x) => formatPercent(x, 'zh-CN'),
    });
    expect(option.xAxis.data).toEqual(['03-01', '03-02']);
    // The first bar's "due now" part is the Reviews-due tile (1 card); the other card falls due later
    // today. Stacked, the bar still reaches the day's total of 2.
    expect(option.series.map((s) => s.name)).toEqual(['now', 'later']);
    expect(option.series[0]!.data).toEqual([1, 0]);
    expect(option.series[1]!.data).toEqual([1, 0]);
  });

  it('never shows more due now than the day holds', () => {
    const split = forecastSplit({ ...progress, reviewsDue: 0 });
    expect(split).toEqual({ now: [0, 0], later: [2, 0] });
  });

  it('writes percentages the locale’s way, never "48 %"', () => {
    for (const locale of ['en', 'zh-CN']) {
      const labels = {
        accuracy: 'a',
        attempts: 'b',
        mastery: 'c',
        dueNow: 'now',
        dueLater: 'later',
        skillName: (s: string) => s,
        percent: (x: number) => formatPercent(x, locale),
      };
      const axis = accuracyOption(progress, new Date(2025, 2, 2), labels).yAxis as {
        axisLabel: { formatter: (v: number) => string };
      }[];
      expect(axis[0]!.axisLabel.formatter(48)).toBe('48%');
      const bars = masteryOption(progress, labels).series[0] as {
        label: { formatter: (p: { value: number }) => string };
      };
      expect(bars.label.formatter({ value: 30 })).toBe('30%');
    }
  });
});
