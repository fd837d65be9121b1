export * from './types';
export { analyzeModel } from './analyze';
export * from './conventions';
export { countLayers, defaultCounting, type CountedLayer } from './counting';
export * from './training';
