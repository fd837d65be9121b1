import type { Channel } from '../../shared/channels';
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { AppStatus, ImportProgress } from '../../shared/types';
import type { Repositories } from '../db';

/** What handlers may use; injected so that tests control time and ids. */
export interface ApiContext {
  store: Repositories;
  now: () => number;
  newId: () => string;
  status: AppStatus;
  /** The import that holds the database, if one runs: while it does, only read channels are answered. */
  importing: { progress: ImportProgress } | null;
}

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  ctx: ApiContext,
) => Result<ResponseOf<C>> | Promise<Result<ResponseOf<C>>>;

export type Handlers = { [C in Channel]: Handler<C> };
