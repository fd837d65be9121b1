/** One measured number; `peer` names what it is compared with in the same run, `ratio` = peer ÷ ours or as stated. */
export interface BenchRow {
  suite: string;
  case: string;
  value: number;
  unit: string;
  peer?: string;
  ratio?: number;
  /** The most `value` may be; a row over its budget fails `npm run bench` (and is listed as over). */
  budget?: number;
}
