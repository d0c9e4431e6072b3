import { lifecycle } from '../../kernel/state-machine';
import { InterviewStatus, SupervisionFindingStatus as F } from './supervision.enums';
import type { Interview, SupervisionFinding } from './supervision.entity';

/** A finding (督办事项): open → rectified (the department reports) → closed (销号); supervision may close it at any point. */
export const FINDING_LIFECYCLE = lifecycle<F, 'rectify' | 'close', SupervisionFinding>('supervisionFinding', [
  { action: 'rectify', from: [F.OPEN], to: F.RECTIFIED, conflict: ['该督查发现已报整改或已销号', 'Already rectified or closed'] },
  { action: 'close', from: [F.OPEN, F.RECTIFIED], to: F.CLOSED, conflict: ['该督查发现已销号', 'Already closed'] },
]);

/** An interview (约谈): scheduled → held (then the department's follow-up) or cancelled. */
export const INTERVIEW_LIFECYCLE = lifecycle<InterviewStatus, 'hold' | 'cancel' | 'followUp', Interview>('interview', [
  { action: 'hold', from: [InterviewStatus.SCHEDULED], to: InterviewStatus.HELD, conflict: ['该约谈已进行或已取消', 'Already held or cancelled'] },
  { action: 'cancel', from: [InterviewStatus.SCHEDULED], to: InterviewStatus.CANCELLED, conflict: ['该约谈已进行或已取消', 'Already held or cancelled'] },
  { action: 'followUp', from: [InterviewStatus.HELD], to: null, conflict: ['约谈尚未进行或已取消', 'The interview has not been held'] },
]);
