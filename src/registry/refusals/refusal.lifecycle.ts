import { lifecycle } from '../../kernel/state-machine';
import { RefusalStatus as S } from './refusal.enums';
import type { Refusal } from './refusal.entity';

/** A refusal's or report's lifecycle: received → verified or dismissed; verified → the department interviewed. */
export const REFUSAL_LIFECYCLE = lifecycle<S, 'verify' | 'dismiss' | 'interviewed', Refusal>('refusal', [
  { action: 'verify', from: [S.RECEIVED], to: S.VERIFIED, conflict: ['该记录已核实或处理', 'Already verified or handled'] },
  { action: 'dismiss', from: [S.RECEIVED], to: S.DISMISSED, conflict: ['该记录已核实或处理', 'Already verified or handled'] },
  {
    action: 'interviewed',
    from: [S.VERIFIED],
    to: S.DEPARTMENT_INTERVIEWED,
    conflict: ['只有已核实的记录可以标记为已约谈', 'Only verified records are marked interviewed'],
  },
]);
