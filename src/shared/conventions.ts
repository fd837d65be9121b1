/**
 * The counting conventions' names (docs/conventions.md), one list for the core's presets, the
 * settings contract and the Designs page.
 */
export const COUNTING_CONVENTIONS = ['paper', 'all', 'fvcore', 'ptflops'] as const;
export type CountingConvention = (typeof COUNTING_CONVENTIONS)[number];
