import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Column } from '../types';
import { csvFileName, downloadCsv, toCsv } from './csv';

const columns: Column[] = [
  { name: 'name', type: 'text' },
  { name: 'note, "quoted"', type: 'text' },
  { name: 'amount', type: 'number' },
];

afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

describe('toCsv', () => {
  it('writes a header and quotes commas, quotes and line breaks (RFC 4180)', () => {
    const csv = toCsv(columns, [
      ['Ada', 'plain', 1.5],
      ['Grace, Admiral', 'said "hi"', -3],
      ['Line\nbreak', null, 0],
      ['Ünïcode ✓', true, 12345678901234],
    ]);
    expect(csv).toBe(
      [
        'name,"note, ""quoted""",amount',
        'Ada,plain,1.5',
        '"Grace, Admiral","said ""hi""",-3',
        '"Line\nbreak",,0',
        'Ünïcode ✓,true,12345678901234',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps spreadsheets from running cells as formulas, but leaves negative numbers alone', () => {
    const csv = toCsv(
      [{ name: 'v', type: 'text' }],
      [['=HYPERLINK("http://x")'], ['+1+1'], ['@SUM(A1)'], ['-2+3'], ['-42'], ['-4.5e3']],
    );
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      "'+1+1",
      "'@SUM(A1)",
      "'-2+3",
      '-42',
      '-4.5e3',
    ]);
  });

  it('writes nested values as JSON', () => {
    expect(toCsv([{ name: 'tags', type: 'other' }], [[['a', 'b']]])).toBe(
      'tags\r\n"[""a"",""b""]"\r\n',
    );
  });
});

describe('csvFileName', () => {
  it('makes a file name from the question', () => {
    expect(csvFileName('Revenue by month in 2024?')).toBe('revenue-by-month-in-2024.csv');
    expect(csvFileName('Café à Zürich')).toBe('cafe-a-zurich.csv');
    expect(csvFileName('???')).toBe('result.csv');
    expect(csvFileName(null)).toBe('result.csv');
  });
});

describe('downloadCsv', () => {
  it('saves a UTF-8 CSV with a byte-order mark through a temporary link', async () => {
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        blobs.push(b);
        return 'blob:test';
      },
      revokeObjectURL: (url: string) => revoked.push(url),
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    downloadCsv('orders.csv', 'a,b\r\n');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatchObject({ download: 'orders.csv', href: 'blob:test' });
    expect(document.querySelector('a[download]')).toBeNull();
    await vi.waitFor(() => expect(revoked).toEqual(['blob:test']));

    const blob = blobs[0]!;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob);
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('a,b\r\n');
  });
});
