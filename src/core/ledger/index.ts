// The ledger of a paper's quantities (see ledger.ts): build it once per check run, query it.

export { buildLedger } from './build.ts';
export { query, type Ledger, type LedgerEntry, type LedgerQuery, type Place, type Role, type CellPosition } from './ledger.ts';
export { ledgerFor } from './cache.ts';
