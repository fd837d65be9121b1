/**
 * The names of every API channel, `domain:verb`. Kept free of dependencies so that the sandboxed
 * preload can build its named methods from it without bundling the schemas.
 */
export const CHANNELS = [
  'app:status',
  'data:export',
  'data:import',
  'data:progress',
  'designs:list',
  'designs:get',
  'designs:save',
  'designs:rename',
  'designs:duplicate',
  'designs:tag',
  'designs:tags',
  'designs:delete',
  'designs:versions',
  'designs:version',
  'designs:restore',
  'devices:get',
  'devices:set',
  'drafts:get',
  'drafts:list',
  'drafts:save',
  'drafts:discard',
  'labruns:list',
  'labruns:get',
  'labruns:save',
  'labruns:delete',
  'lessons:visit',
  'lessons:complete',
  'practice:question',
  'practice:answer',
  'practice:reviews',
  'progress:get',
  'settings:get',
  'settings:set',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const isChannel = (name: string): name is Channel => (CHANNELS as readonly string[]).includes(name);

/**
 * Channels that only read. While an import holds the database (its transaction spans many steps), these
 * are still answered and every other channel is refused with `conflict`.
 */
export const READ_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app:status',
  'data:progress',
  'designs:list',
  'designs:get',
  'designs:tags',
  'designs:versions',
  'designs:version',
  'drafts:get',
  'drafts:list',
  'labruns:list',
  'labruns:get',
  'practice:question',
  'practice:reviews',
  'progress:get',
  'settings:get',
]);
