export * from './types';
export { analyzeModel } from './analyze';
export * from './conventions';
export { countLayers, defaultCounting, macsByKind, PRODUCT_KINDS, type CountedLayer } from './counting';
export * from './training';
