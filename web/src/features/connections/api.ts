import { api, type Page } from '@/lib/api';

export interface Connection {
  id: string;
  name: string;
  type: string;
  host: string | null;
  port: number | null;
  database: string | null;
  username: string | null;
  passwordSet: boolean;
  sslMode: string | null;
  properties: Record<string, string>;
  filePath: string | null;
  /** Built in (Sample Sales, Uploads): nobody edits or deletes it. */
  managed: boolean;
  managedKind: 'sample' | 'uploads' | null;
  createdAt: string;
  updatedAt: string;
}

/** What the forms send; the server builds the JDBC URL from these typed fields only. */
export interface ConnectionDetails {
  name?: string;
  type: string;
  host?: string | null;
  port?: number | null;
  database?: string | null;
  username?: string | null;
  /** Absent or null on an update keeps the stored password. */
  password?: string | null;
  sslMode?: string | null;
  properties?: Record<string, string>;
  filePath?: string | null;
}

export interface ConnectionProbe {
  ok: boolean;
  latencyMs: number;
  serverVersion: string | null;
  message: string | null;
  warnings: string[];
}

/** How far a running sync is. */
export interface SyncProgress {
  phase: 'connecting' | 'tables' | 'columns' | 'keys' | 'samples';
  /** Tables, columns or key tables read, or tables sampled, so far in this phase. */
  done: number;
  /** What the phase will reach, when known (tables to read keys of, tables to sample). */
  total: number | null;
}

export interface SyncStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  tables: number | null;
  error: string | null;
  /** Only while running. */
  progress?: SyncProgress | null;
}

const path = (id: string) => `/connections/${encodeURIComponent(id)}`;

export const connectionsApi = {
  list: (offset: number, limit: number, signal?: AbortSignal) =>
    api.get<Page<Connection>>('/connections', {
      query: { offset, limit },
      ...(signal && { signal }),
    }),
  get: (id: string, signal?: AbortSignal) =>
    api.get<Connection>(path(id), { ...(signal && { signal }) }),
  create: (details: ConnectionDetails) => api.post<Connection>('/connections', details),
  update: (id: string, details: ConnectionDetails) => api.put<Connection>(path(id), details),
  remove: (id: string) => api.delete(path(id)),
  testUnsaved: (details: ConnectionDetails) =>
    api.post<ConnectionProbe>('/connections/test', details),
  testSaved: (id: string) => api.post<ConnectionProbe>(`${path(id)}/test`),
  /** Tests a saved connection as edited, unsaved; without a password the stored one is used. */
  testEdited: (id: string, details: ConnectionDetails) =>
    api.post<ConnectionProbe>(`${path(id)}/test`, details),
  startSync: (id: string) => api.post<SyncStatus>(`${path(id)}/sync`),
  syncStatus: (id: string, signal?: AbortSignal) =>
    api.get<SyncStatus>(`${path(id)}/sync`, { ...(signal && { signal }) }),
};
