import type { Column, Row } from '../types';
import { cellText } from './table-model';

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * Keeps spreadsheets from running a cell as a formula (CSV injection): text starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading apostrophe. Plain numbers such as `-5` stay numbers.
 */
function neutralize(text: string): string {
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) return `'${text}`;
  return text;
}

function field(text: string): string {
  const safe = neutralize(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV (CRLF line ends, quoted where needed), with a header row. */
export function toCsv(columns: readonly Column[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => field(c.name)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((_, i) => field(cellText(row[i]))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** A file name from a title: `revenue-by-month.csv`. */
export function csvFileName(title: string | null | undefined): string {
  const base = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${base || 'result'}.csv`;
}

/** Saves the CSV through a temporary link; the BOM lets spreadsheet programs read UTF-8. */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
