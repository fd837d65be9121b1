/** The Chinese user interface as one chunk: ConvScope's messages and naive-ui's strings and dates. */
export { default as messages } from './zh-CN';
export { zhCN as naive, dateZhCN as date } from 'naive-ui';
