export * from './types';
export { analyzeModel } from './analyze';
