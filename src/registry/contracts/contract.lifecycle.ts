import { lifecycle } from '../../kernel/state-machine';
import { ServiceContractStatus as S } from './contract.enums';
import type { ServiceContract } from './service-contract.entity';

/** A service contract: active until completed or terminated; evaluated while not terminated. */
export const CONTRACT_LIFECYCLE = lifecycle<S, 'evaluate' | 'complete' | 'terminate', ServiceContract>('serviceContract', [
  { action: 'evaluate', from: [S.ACTIVE, S.COMPLETED], to: null, conflict: ['合同已终止', 'The contract was terminated'] },
  { action: 'complete', from: [S.ACTIVE], to: S.COMPLETED, conflict: ['合同已完成或终止', 'The contract is already closed'] },
  { action: 'terminate', from: [S.ACTIVE], to: S.TERMINATED, conflict: ['合同已完成或终止', 'The contract is already closed'] },
]);
