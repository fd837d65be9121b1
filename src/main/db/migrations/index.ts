import { migration001 } from './001-initial';
import { migration002 } from './002-design-library';
import { migration003 } from './003-practice';
import { migration004 } from './004-lab-runs';
import { migration005 } from './005-parametric-reviews';
import type { Migration } from './types';

/** In order. A new migration is a new numbered file added to the end of this list. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
];

export const SCHEMA_VERSION = migrations.length;
