import type { AppTheme } from './preferences';

/**
 * Chart colours per theme, one place for every chart: series colours keep at least 3:1 against the
 * card they are drawn on (WCAG non-text contrast: white in light, #181b21 in dark), text and axis
 * labels 4.5:1. ECharts' own dark palette has a slate grey that all but vanishes on the dark card.
 */
const SERIES: Record<AppTheme, string[]> = {
  light: ['#2f6fde', '#c27c0e', '#2a8a4a', '#d9472b', '#8a4fc2', '#1b8aa0'],
  dark: ['#6ea2ff', '#ffd166', '#4cc38a', '#ff8a65', '#c39bff', '#5ad1e6'],
};

export function seriesColors(theme: AppTheme): string[] {
  return SERIES[theme];
}

/** Text, muted text (axis labels and names), grid lines and the card's background. */
export function chartPalette(theme: AppTheme) {
  return theme === 'dark'
    ? { text: '#e6e8eb', muted: '#a3abb8', line: '#2c313a', bg: '#181b21' }
    : { text: '#1f2329', muted: '#5b6472', line: '#e3e6eb', bg: '#ffffff' };
}
