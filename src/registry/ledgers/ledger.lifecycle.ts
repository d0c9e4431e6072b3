import { lifecycle } from '../../kernel/state-machine';
import { LedgerStatus as S } from './ledger.enums';
import type { LedgerRequirement } from './ledger.entity';

const CLOSED = ['已合并或取消的台账报表不能修改', 'Merged or abolished ledgers cannot change'] as const;
const GONE = ['该台账报表已合并或取消', 'The ledger is already merged or abolished'] as const;

/** A ledger requirement's lifecycle: kept (and changed, or switched to 一表通) until merged into another or abolished. */
export const LEDGER_LIFECYCLE = lifecycle<S, 'update' | 'oneForm' | 'merge' | 'abolish', LedgerRequirement>('ledger', [
  { action: 'update', from: [S.KEPT], to: null, conflict: CLOSED },
  { action: 'oneForm', from: [S.KEPT], to: null, conflict: CLOSED },
  { action: 'merge', from: [S.KEPT], to: S.MERGED, conflict: GONE },
  { action: 'abolish', from: [S.KEPT], to: S.ABOLISHED, conflict: GONE },
]);
