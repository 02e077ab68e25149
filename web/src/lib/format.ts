const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function parse(value: string | number | null | undefined): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function formatDateTime(value: string | number | null | undefined): string {
  const d = parse(value);
  return d ? dateTime.format(d) : '—';
}

export function formatDate(value: string | number | null | undefined): string {
  const d = parse(value);
  return d ? dateOnly.format(d) : '—';
}

/** The first letter of a name (or email) for an avatar. */
export function initialOf(name: string | undefined, fallback = '?'): string {
  const first = (name ?? '').trim().charAt(0);
  return first ? first.toLocaleUpperCase() : fallback;
}

/** "Acme Corp, Inc." -> "acme-corp-inc" */
export function slugify(value: string, maxLength = 48): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
