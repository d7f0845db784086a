// The `events[]` rows of an export: what components fire (run a query) and what a query's success or failure
// does (alert, re-run other queries, open a modal). ToolJet follows `queryId` and `modal` (component id);
// `queryName` is kept equal to the query's name.
import { uuidFor } from './ids.js';
import type { PendingEvent, QueryOptions, QueryRef } from './refs.js';
import type { ComponentRow, EventAction, EventRow, EventTarget } from './types.js';

export interface EventSources {
  key: string;
  versionId: string;
  components: readonly { row: ComponentRow; events: readonly PendingEvent[] }[];
  queries: readonly { ref: QueryRef; options: QueryOptions }[];
  failureLabel: string;
}

const run = (eventId: string, q: QueryRef): EventAction => ({ eventId, actionId: 'run-query', queryId: q.id, queryName: q.name, parameters: {} });

export function eventRows(s: EventSources): EventRow[] {
  const out: EventRow[] = [];
  const push = (sourceId: string, target: EventTarget, list: readonly EventAction[], label: string) =>
    list.forEach((event, index) =>
      out.push({ id: uuidFor(s.key, 'event', sourceId, event.eventId, String(index)), name: `${label} ${index + 1}`, index, sourceId, target, appVersionId: s.versionId, event }),
    );
  for (const { row, events } of s.components) {
    const byEvent = new Map<string, EventAction[]>();
    for (const e of events) byEvent.set(e.eventId, [...(byEvent.get(e.eventId) ?? []), run(e.eventId, e.query)]);
    for (const [eventId, list] of byEvent) push(row.id, 'component', list, `${row.name} ${eventId}`);
  }
  for (const { ref, options } of s.queries) {
    const success: EventAction[] = [
      ...(options.success ? [{ eventId: 'onDataQuerySuccess', actionId: 'show-alert' as const, message: options.success, alertType: 'success' as const }] : []),
      ...(options.refresh ?? []).map((q) => run('onDataQuerySuccess', q)),
      ...(options.openModal ? [{ eventId: 'onDataQuerySuccess', actionId: 'show-modal' as const, modal: options.openModal.id }] : []),
    ];
    push(ref.id, 'data_query', success, `${ref.name} success`);
    const failure: EventAction = { eventId: 'onDataQueryFailure', actionId: 'show-alert', message: `${s.failureLabel}: ${ref.errorMessage}`, alertType: 'error' };
    push(ref.id, 'data_query', [failure], `${ref.name} failure`);
  }
  return out;
}
