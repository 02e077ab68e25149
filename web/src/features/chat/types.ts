import type { Id, ProblemDetail } from '@/lib/api';

/** Column categories the server assigns to result columns. */
export type ColumnCategory =
  'number' | 'integer' | 'text' | 'boolean' | 'date' | 'timestamp' | 'time' | 'binary' | 'other';

/**
 * A result column. Answers carry the database's `type` and the `category`; `POST /query` carries
 * the category as `type` (and the database's as `nativeType`). Use {@link categoryOf}.
 */
export interface Column {
  name: string;
  type: string;
  category?: string;
  nativeType?: string;
}

export type Cell = string | number | boolean | null | Cell[] | Record<string, unknown>;
export type Row = Cell[];

export const CHART_TYPES = [
  'kpi',
  'line',
  'bar',
  'horizontal_bar',
  'grouped_bar',
  'stacked_bar',
  'pie',
  'scatter',
  'table',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** How to draw a result (server `ChartSpec`). */
export interface ChartSpec {
  type: ChartType;
  /** The category, time or first measure column; null for kpi and table. */
  x: string | null;
  /** The measure columns. */
  y: string[];
  /** The second category that splits bars into groups or stacks. */
  series: string | null;
  title: string | null;
  /**
   * The values to draw, from every row of the result (an answer's `rows` are only the first 100). Absent for
   * `table`, for answers stored before the server sent it, and for client-side specs.
   */
  data?: ChartValues | null;
}

/** How a chart's values were taken from the result (server `ChartData`). */
export type ChartSampling = 'all' | 'evenly_spaced' | 'first_rows';

export interface ChartValues {
  /** The chart's own columns (x, series, measures), in the result's order. */
  columns: Column[];
  rows: Row[];
  /** Rows of the whole result. */
  rowCount: number;
  sampling: ChartSampling;
}

export type AnswerStatus = 'answered' | 'declined' | 'failed';

export interface Usage {
  input: number;
  output: number;
}

/** One answer as REST returns it and the stream sends it last (server `ChatAnswer`). */
export interface ChatAnswer {
  sessionId: Id;
  messageId: Id | null;
  connectionId: Id;
  question: string;
  status: AnswerStatus;
  /** For declined and failed answers: what happened, safe to show. */
  message: string | null;
  sql: string | null;
  reasoning: string | null;
  columns: Column[] | null;
  rows: Row[] | null;
  rowCount: number;
  truncated: boolean;
  chart: ChartSpec | null;
  analysis: string | null;
  followUps: string[] | null;
  tokens: { sqlGeneration: Usage; analysis: Usage } | null;
  timings: Record<string, number> | null;
  attempts: number;
  /** The offline engine's confidence in its SQL, 0 to 1; null for AI providers (older servers omit it). */
  confidence?: number | null;
  provider: string | null;
  model: string | null;
  createdAt: string | null;
}

/** A conversation in the sidebar. */
export interface ChatSession {
  id: Id;
  title: string;
  connectionId?: Id | null;
  createdAt?: string;
  /** Any change, a rename included. */
  updatedAt?: string | null;
  /** The latest message: the list is sorted by it, newest first, so a rename does not move a session. */
  lastMessageAt?: string | null;
}

/** A table preview: from the stream's `result` event, an answer, or `POST /query`. */
export interface ResultData {
  columns: Column[];
  rows: Row[];
  rowCount: number;
  truncated: boolean;
}

export const STAGES = [
  'schema',
  'examples',
  'generate_sql',
  'check',
  'execute',
  'repair',
  'chart',
  'analyze',
] as const;
export type StageName = (typeof STAGES)[number];

export type TokenPhase = 'sql_generation' | 'analysis';

/** What the server sends on the WebSocket, for one question. */
export type ServerEvent =
  | { type: 'stage'; requestId: string; stage: string; state: 'started' | 'done'; ms: number }
  | { type: 'token'; requestId: string; phase: TokenPhase; content: string }
  | ({ type: 'result'; requestId: string } & ResultData)
  | ({ type: 'chat_response'; requestId: string } & ChatAnswer)
  | { type: 'error'; requestId: string | null; problem: ProblemDetail | null };

export interface AskRequest {
  connectionId: Id;
  question: string;
  sessionId?: Id | null;
}

/** The category of a column, whichever shape it came in. */
export function categoryOf(column: Column): string {
  return (column.category ?? column.type).toLowerCase();
}

export function isNumericColumn(column: Column): boolean {
  const c = categoryOf(column);
  return c === 'number' || c === 'integer';
}

export function isTemporalColumn(column: Column): boolean {
  const c = categoryOf(column);
  return c === 'date' || c === 'timestamp' || c === 'time';
}
