import {
  createTrainingRun,
  gradientStats,
  recurrentStats,
  type GradientSetup,
  type TrainConfig,
} from '../../../../core/autograd';

/**
 * The lessons' gradient demos: small configurations of the core's gradient engine, each comparing a
 * problem with the problem plus one remedy. They are run in a Web Worker (`gradient-worker.ts`);
 * everything here is pure, so the same function also runs in tests.
 */

export const DEMO_IDS = [
  'vanishing-sigmoid',
  'exploding-init',
  'activations',
  'batchnorm',
  'residual',
  'clipping',
  'weight-penalty',
  'pretraining',
  'lstm',
] as const;
export type DemoId = (typeof DEMO_IDS)[number];

/** The remedies the last lesson compares, in the order it teaches them. */
export const REMEDY_DEMOS: readonly DemoId[] = [
  'pretraining',
  'clipping',
  'weight-penalty',
  'activations',
  'batchnorm',
  'residual',
  'lstm',
];

/** What the x axis counts: layers of a network, training steps, or time steps of a sequence. */
export type DemoAxis = 'layer' | 'step' | 'time';
/** What the y axis shows, always as log10 so that orders of magnitude are visible. */
export type DemoMetric = 'gradNorm' | 'loss' | 'jacobian';

export interface DemoSeries {
  /** i18n key suffix under `lessons.demo.series`. */
  name: string;
  /** log10 of the metric per x; null where it is not finite (overflow). */
  values: (number | null)[];
}

export interface DemoResult {
  id: DemoId;
  axis: DemoAxis;
  metric: DemoMetric;
  x: number[];
  series: DemoSeries[];
  /**
   * One number per series that sums the demo up: log10 of the first/last-layer gradient ratio
   * (layer demos), the last loss (training demos) or log10 of the gradient at t = 0 (sequence).
   */
  summary: (number | null)[];
}

const DEPTH = 20;
const WIDTH = 64;
const SEEDS = 4;

const mlp = (over: Partial<GradientSetup>): GradientSetup => ({
  depth: DEPTH,
  width: WIDTH,
  batch: 64,
  activation: 'sigmoid',
  init: { kind: 'xavier_normal' },
  batchnorm: false,
  residual: false,
  dtype: 'float64',
  ...over,
});

const SIGMOID = mlp({});
const EXPLODING = mlp({ activation: 'tanh', init: { kind: 'normal', std: 1.5 } });
/** The same network with the weights at the 1/√n scale a weight penalty pulls them towards. */
const SHRUNK = mlp({ activation: 'tanh', init: { kind: 'normal', std: 1 / Math.sqrt(WIDTH) } });

function layerSeries(name: string, setup: GradientSetup): { series: DemoSeries; ratio: number | null } {
  const stats = gradientStats(setup, SEEDS);
  return {
    series: { name, values: stats.layers.map((l) => l.log10GradNormMean) },
    ratio: stats.log10RatioFirstLastMean,
  };
}

function layerDemo(id: DemoId, parts: [string, GradientSetup][]): DemoResult {
  const runs = parts.map(([name, setup]) => layerSeries(name, setup));
  return {
    id,
    axis: 'layer',
    metric: 'gradNorm',
    x: Array.from({ length: DEPTH }, (_, i) => i + 1),
    series: runs.map((r) => r.series),
    summary: runs.map((r) => r.ratio),
  };
}

const finiteLog = (v: number) => (Number.isFinite(v) && v > 0 ? Math.log10(v) : null);

const TRAIN_STEPS = 150;
const train = (over: Partial<TrainConfig>): TrainConfig => ({
  task: 'spirals',
  samples: 256,
  seed: 1,
  depth: 6,
  width: 32,
  activation: 'relu',
  init: { kind: 'normal', std: 1.5 },
  optimizer: { kind: 'sgd', lr: 0.003 },
  ...over,
});

const PRETRAIN_BASE: Partial<TrainConfig> = {
  activation: 'sigmoid',
  init: { kind: 'normal', std: 1 },
  optimizer: { kind: 'sgd', lr: 1 },
};

function trainSeries(
  name: string,
  config: TrainConfig,
  metric: 'loss' | 'gradNorm',
): { series: DemoSeries; last: number | null } {
  const run = createTrainingRun(config);
  const values: (number | null)[] = [];
  let last: number | null = null;
  const pretrainSteps = (config.pretrain?.stepsPerLayer ?? 0) * Math.max(0, config.depth - 1);
  for (let s = 0; s < pretrainSteps; s++) run.step();
  for (let s = 0; s < TRAIN_STEPS; s++) {
    const st = run.step();
    const v = metric === 'loss' ? st.loss : st.gradNorm;
    values.push(finiteLog(v));
    last = Number.isFinite(st.loss) ? st.loss : null;
  }
  return { series: { name, values }, last };
}

function trainDemo(id: DemoId, metric: 'loss' | 'gradNorm', parts: [string, TrainConfig][]): DemoResult {
  const runs = parts.map(([name, c]) => trainSeries(name, c, metric));
  return {
    id,
    axis: 'step',
    metric,
    x: Array.from({ length: TRAIN_STEPS }, (_, i) => i + 1),
    series: runs.map((r) => r.series),
    summary: runs.map((r) => r.last),
  };
}

function lstmDemo(): DemoResult {
  const setup = { steps: 40, hidden: 32, input: 32, batch: 16 };
  const parts = (['tanh', 'lstm'] as const).map((cell) => {
    const stats = recurrentStats({ ...setup, cell }, 3);
    return {
      series: {
        name: cell === 'tanh' ? 'rnn' : 'lstm',
        values: stats.points.map((p) => p.log10LossGradNormMean),
      },
      first: stats.points[0]?.log10LossGradNormMean ?? null,
    };
  });
  return {
    id: 'lstm',
    axis: 'time',
    metric: 'jacobian',
    x: Array.from({ length: setup.steps + 1 }, (_, t) => t),
    series: parts.map((p) => p.series),
    summary: parts.map((p) => p.first),
  };
}

/** Runs one demo with the gradient engine (tens to hundreds of milliseconds). */
export function runDemo(id: DemoId): DemoResult {
  switch (id) {
    case 'vanishing-sigmoid':
      return layerDemo(id, [['sigmoid', SIGMOID]]);
    case 'exploding-init':
      return layerDemo(id, [['exploding', EXPLODING]]);
    case 'activations':
      return layerDemo(id, [
        ['sigmoid', SIGMOID],
        ['relu', mlp({ activation: 'relu', init: { kind: 'kaiming_normal' } })],
        ['leaky_relu', mlp({ activation: 'leaky_relu', init: { kind: 'kaiming_normal' } })],
        ['elu', mlp({ activation: 'elu', init: { kind: 'kaiming_normal' } })],
      ]);
    case 'batchnorm':
      return layerDemo(id, [
        ['exploding', EXPLODING],
        ['batchnorm', { ...EXPLODING, batchnorm: true }],
      ]);
    case 'residual':
      return layerDemo(id, [
        ['sigmoid', SIGMOID],
        ['residual', { ...SIGMOID, residual: true }],
      ]);
    case 'clipping':
      return trainDemo(id, 'loss', [
        ['plain', train({})],
        ['clipped', train({ clip: { kind: 'norm', max: 1 } })],
      ]);
    case 'weight-penalty':
      return layerDemo(id, [
        ['exploding', EXPLODING],
        ['shrunk', SHRUNK],
      ]);
    case 'pretraining':
      return trainDemo(id, 'loss', [
        ['plain', train(PRETRAIN_BASE)],
        ['pretrained', train({ ...PRETRAIN_BASE, pretrain: { stepsPerLayer: 100 } })],
      ]);
    case 'lstm':
      return lstmDemo();
  }
}
