import type { Connection, ConnectionDetails } from './api';
import { typeInfo } from './types';

/** The form's text fields, as typed. */
export interface FormValues {
  name: string;
  type: string;
  host: string;
  port: string;
  database: string;
  username: string;
  password: string;
  sslMode: string;
  properties: string;
  filePath: string;
}

export const FIELDS = [
  'name',
  'type',
  'host',
  'port',
  'database',
  'username',
  'password',
  'sslMode',
  'properties',
  'filePath',
] as const;

export function emptyValues(type = 'postgresql'): FormValues {
  return {
    name: '',
    type,
    host: '',
    port: '',
    database: '',
    username: '',
    password: '',
    sslMode: typeInfo(type).defaultSslMode ?? '',
    properties: '',
    filePath: '',
  };
}

export function valuesOf(c: Connection): FormValues {
  return {
    name: c.name,
    type: c.type,
    host: c.host ?? '',
    port: c.port === null ? '' : String(c.port),
    database: c.database ?? '',
    username: c.username ?? '',
    password: '',
    sslMode: c.sslMode ?? typeInfo(c.type).defaultSslMode ?? '',
    properties: Object.entries(c.properties)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    filePath: c.filePath ?? '',
  };
}

/** `name=value` lines; returns the problem with the first bad line instead when there is one. */
export function parseProperties(text: string): Record<string, string> | string {
  const properties: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return `Line ${i + 1}: write each property as name=value.`;
    properties[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return properties;
}

/**
 * The request body for these values: only the fields of the chosen type. An empty password is
 * left out, which on an update keeps the stored one.
 */
export function toDetails(
  values: FormValues,
  properties: Record<string, string>,
): ConnectionDetails {
  const info = typeInfo(values.type);
  const name = values.name.trim();
  const details: ConnectionDetails = { type: info.id };
  if (name) details.name = name;
  if (info.fileBased) {
    details.filePath = values.filePath.trim();
    return details;
  }
  details.host = values.host.trim();
  const port = values.port.trim();
  details.port = port === '' ? null : Number(port);
  details.database = values.database.trim() || null;
  details.username = values.username.trim();
  if (values.password !== '') details.password = values.password;
  details.sslMode = values.sslMode || null;
  details.properties = properties;
  return details;
}
