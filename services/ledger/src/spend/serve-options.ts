/** What main.ts tells the issue #7 providers: whether to serve (false for `ledger rebuild`) and how often retention runs. */
export interface LedgerServeOptions {
  /** Serve `gh.rpc.ledger.*`, consume GH_CONTENT and run retention; false when the CLI replays GH_REQUEST in-process. */
  serve: boolean;
  /** Every N ms the ledger deletes content past its team's retention. */
  retentionIntervalMs: number;
}

export const LEDGER_SERVE = Symbol('LEDGER_SERVE');
