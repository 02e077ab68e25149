import { api } from '@/lib/api';

export interface ColumnInfo {
  name: string;
  type: string;
  /** number, integer, text, boolean, date, timestamp, time, binary or other */
  category: string;
  nullable: boolean;
  position: number;
  comment: string | null;
  sampleValues: string[];
}

export interface ForeignKey {
  name: string | null;
  columns: string[];
  referencedSchema: string | null;
  referencedTable: string;
  referencedColumns: string[];
}

export interface TableInfo {
  schema: string | null;
  name: string;
  /** TABLE or VIEW */
  kind: string;
  comment: string | null;
  rowEstimate: number | null;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

export interface SchemaSnapshot {
  connectionId: string;
  discoveredAt: string;
  tables: TableInfo[];
}

export const schemaApi = {
  /** 404 until the connection's first sync finished. */
  get: (connectionId: string, signal?: AbortSignal) =>
    api.get<SchemaSnapshot>(`/connections/${encodeURIComponent(connectionId)}/schema`, {
      ...(signal && { signal }),
    }),
};
