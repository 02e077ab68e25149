import { API_BASE, ApiError, api, readCookie, refreshSession, toApiError } from '@/lib/api';

export interface Rejection {
  /** The file's line (CSV) or the sheet's row number (XLSX). */
  line: number;
  reason: string;
}

export interface LoadedColumn {
  name: string;
  header: string;
  /** integer, decimal, date, timestamp, boolean or text */
  type: string;
  sqlType: string;
}

export interface LoadReport {
  table: string;
  connectionId: string;
  fileName: string;
  /** csv or xlsx */
  format: string;
  rowsLoaded: number;
  rejected: number;
  rejections: Rejection[];
  columns: LoadedColumn[];
}

interface RawResponse {
  status: number;
  text: string;
  contentType: string;
}

/** One POST with upload progress; XMLHttpRequest because fetch reports no upload progress. */
function send(
  form: FormData,
  onProgress: (fraction: number) => void,
  signal: AbortSignal | undefined,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/uploads`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = readCookie('XSRF-TOKEN');
    if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      resolve({
        status: xhr.status,
        text: xhr.responseText,
        contentType: xhr.getResponseHeader('Content-Type') ?? '',
      });
    };
    xhr.onerror = () => {
      reject(
        new ApiError(
          'The upload was interrupted. Check your connection, and that the file is not larger than the server accepts.',
          0,
        ),
      );
    };
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function toResponse(raw: RawResponse): Response {
  return new Response(raw.text, {
    status: raw.status,
    headers: raw.contentType ? { 'Content-Type': raw.contentType } : {},
  });
}

/**
 * Uploads a CSV or XLSX file into a new table of the organization's Uploads connection and returns
 * the load report. Like the other API calls it retries once after a stale CSRF token or an expired
 * session.
 */
export async function uploadFile(
  file: File,
  table: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<LoadReport> {
  const form = new FormData();
  form.append('file', file);
  if (table.trim()) form.append('table', table.trim());
  const tokenSent = readCookie('XSRF-TOKEN');
  let raw = await send(form, onProgress, signal);
  if (raw.status === 403 && readCookie('XSRF-TOKEN') !== tokenSent) {
    raw = await send(form, onProgress, signal);
  } else if (raw.status === 401 && (await refreshSession())) {
    raw = await send(form, onProgress, signal);
  }
  if (raw.status < 200 || raw.status >= 300) throw await toApiError(toResponse(raw));
  return JSON.parse(raw.text) as LoadReport;
}

/** Drops a table of the Uploads connection, e.g. one loaded from the wrong file. */
export function dropUploadedTable(table: string): Promise<void> {
  return api.delete(`/uploads/tables/${encodeURIComponent(table)}`);
}
