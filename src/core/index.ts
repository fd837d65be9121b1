/** ConvScope analysis core: pure TypeScript, shared by the CLI, the main process, the renderer and workers. */
export * from './model';
export * from './analysis';
export { evaluateModel, layerWithFormulas } from './analysis/engine';
export { tex, type FormulaTrace } from './formulas/latex';
export {
  convOutputSize,
  convTransposeOutputSize,
  resolvePadding1d,
  outputSizeLatex,
  outputSizeFormula,
  type OutputSizeParams,
  type OutputSizeTrace,
} from './formulas/output-size';
export {
  conv2dInfo,
  conv2dCore,
  convTranspose2dCore,
  pool2dCore,
  linearInfo,
  numel,
  ShapeError,
  type Conv2dInfo,
  type Conv2dParams,
  type ConvTranspose2dParams,
  type Pool2dInfo,
  type Pool2dParams,
  type LinearInfo,
} from './formulas/layers';
export {
  receptiveFieldOfStack,
  rfConv1d,
  rfMerge1d,
  RF_INPUT,
  type ReceptiveField,
  type RfDim,
  type StackLayer,
  type StackRfRow,
} from './formulas/receptive-field';
export { listZoo, getZooModel, ModelBuilder, callId, type ZooEntry, type LayerBody } from './zoo';
export { formatCount, formatInt, formatBytes, formatShape, type ByteUnits } from './format';
export {
  encodeShare,
  decodeShare,
  findShareCode,
  ShareLinkError,
  SHARE_PREFIX,
  MAX_SHARE_BYTES,
  MAX_SHARE_CHARS,
  type SharedDesign,
  type ShareProblem,
} from './share';
