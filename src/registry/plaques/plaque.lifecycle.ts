import { lifecycle } from '../../kernel/state-machine';
import { PlaqueStatus as S } from './plaque.enums';
import type { Plaque } from './plaque.entity';

/** A plaque's lifecycle (应撤尽撤): kept → ordered removed → removed, or kept again with a basis. */
export const PLAQUE_LIFECYCLE = lifecycle<S, 'orderRemoval' | 'remove' | 'keep', Plaque>('plaque', [
  { action: 'orderRemoval', from: [S.KEPT], to: S.TO_REMOVE, conflict: ['只有保留中的挂牌可以列为待摘除', 'Only kept plaques can be ordered removed'] },
  { action: 'remove', from: [S.TO_REMOVE], to: S.REMOVED, conflict: ['只有待摘除的挂牌可以确认摘除', 'Only plaques ordered removed can be confirmed removed'] },
  { action: 'keep', from: [S.TO_REMOVE], to: S.KEPT, conflict: ['只有待摘除的挂牌可以改为保留', 'Only plaques ordered removed can be kept'] },
]);
