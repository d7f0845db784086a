// What ToolJet's server answers for a query the plugin threw on: server/src/modules/data-queries/service.ts
// (repository ToolJet/ToolJet @ 269ec5645595cde56b97f780c38a9b54591b7e98), runAndGetResult. Only an error whose
// `constructor.name` is 'QueryError' keeps its message, description and data; anything else is logged and
// becomes 'Internal server error' (older versions) with the details lost.
export interface ToolJetFailure {
  status: 'failed';
  message: string;
  description: unknown;
  data: unknown;
}

export function asToolJetShows(error: unknown): ToolJetFailure {
  const e = error as { constructor: { name: string }; message?: string; description?: unknown; data?: unknown };
  if (e.constructor.name === 'QueryError') return { status: 'failed', message: String(e.message), description: e.description, data: e.data };
  return { status: 'failed', message: 'Internal server error', description: e.message, data: {} };
}
