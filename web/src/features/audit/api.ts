import { api, type Id, type Page } from '@/lib/api';

export interface AuditEvent {
  id: Id;
  action: string;
  userId: Id | null;
  userEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: unknown;
  createdAt: string;
}

export interface AuditFilters {
  action?: string;
  userId?: string;
  /** ISO-8601 instants. */
  from?: string;
  to?: string;
}

export const auditApi = {
  list: (filters: AuditFilters, offset: number, limit: number, signal?: AbortSignal) =>
    api.get<Page<AuditEvent>>('/audit', {
      query: { ...filters, offset, limit },
      ...(signal && { signal }),
    }),
};
