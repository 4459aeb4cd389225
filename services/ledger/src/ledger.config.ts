import type { AnchorSigner } from '@gatehouse/audit-chain';

/** What the ledger's providers are configured with (built by main.ts from options and env). */
export interface LedgerConfig {
  databaseUrl: string;
  /** Most messages written in one transaction. */
  batchSize: number;
  /** Longest a message waits for its batch to fill before it is written anyway. */
  batchWaitMs: number;
  /** An anchor every N chain entries (0: none). */
  anchorEvery: number;
  /** Signs anchors (Ed25519) when configured. */
  signer: AnchorSigner | null;
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
export const LEDGER_LOGGER = Symbol('LEDGER_LOGGER');
