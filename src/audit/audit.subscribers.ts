import { events } from '../kernel/events';
import { RecordChanged } from '../kernel/mutation';
import { recordAudit } from './audit.service';

/** Every change any module records (src/kernel/mutation.ts `audit`) becomes an audit event in its transaction. */
events.subscribe(RecordChanged, 'audit.recordAudit', (e, em) => {
  recordAudit(em, e.doer, e.entry);
});
