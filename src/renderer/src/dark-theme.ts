/** naive-ui's dark theme as a chunk of its own (./appearance.ts loads it when the app turns dark). */
export { darkTheme } from 'naive-ui';
