/** Types of scripts/launch.mjs (tests and benchmarks import it from TypeScript). */
export declare const ROOT: string;
export declare const TARGETS: Record<'cli' | 'web', { entry: string; out: string }>;
export declare function manifestPath(name: 'cli' | 'web', root?: string): string;
export declare function staleness(name: 'cli' | 'web', root?: string): string;
export declare function load(name: 'cli' | 'web'): Promise<Record<string, unknown>>;
