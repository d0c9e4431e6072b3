import { events } from '../../kernel/events';
import { EmergencyEntryOverdue } from '../../admission';
import { openEscalationFinding } from './supervision.service';

/** What the registry does when other modules report something (src/kernel/events.ts). */
events.subscribe(EmergencyEntryOverdue, 'registry.openEscalationFinding', async (e, em) => {
  await openEscalationFinding(em, e.application, e.at);
});
