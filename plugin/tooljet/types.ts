// Structurally identical to ToolJet's plugin contract (@tooljet-marketplace/common is not published).
export interface QueryResult {
  status: 'ok' | 'failed' | 'needs_oauth';
  errorMessage?: string;
  data: Record<string, unknown> | unknown[];
}

export interface ConnectionTestResult {
  status: 'ok' | 'failed';
  message?: string;
}

export interface RunContext {
  user?: { id?: string; email?: string };
  app?: { id?: string; isPublic?: boolean };
}

export interface QueryService {
  run(sourceOptions: unknown, queryOptions: Record<string, unknown>, dataSourceId?: string, dataSourceUpdatedAt?: string | Date, context?: RunContext): Promise<QueryResult>;
  testConnection(sourceOptions: unknown): Promise<ConnectionTestResult>;
}
