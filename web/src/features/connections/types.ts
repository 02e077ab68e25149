/** What the forms need to know about each kind of database; mirrors the server's ConnectionType. */
export interface ConnectionTypeInfo {
  id: string;
  label: string;
  /** SQLite and DuckDB read a file below the server's file folder instead of a host. */
  fileBased: boolean;
  defaultPort?: number;
  /** The port used with TLS when it differs (ClickHouse and Trino speak HTTP). */
  defaultTlsPort?: number;
  sslModes: readonly string[];
  defaultSslMode?: string;
  /** Driver properties the server allows for this type; anything else is refused. */
  properties: readonly string[];
  databaseLabel: string;
  databaseHint?: string;
}

const ALL_SSL = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

const POSTGRESQL: ConnectionTypeInfo = {
  id: 'postgresql',
  label: 'PostgreSQL',
  fileBased: false,
  defaultPort: 5432,
  sslModes: ALL_SSL,
  defaultSslMode: 'prefer',
  properties: [
    'connectTimeout',
    'socketTimeout',
    'loginTimeout',
    'tcpKeepAlive',
    'ApplicationName',
    'currentSchema',
    'prepareThreshold',
  ],
  databaseLabel: 'Database',
};

export const CONNECTION_TYPES: readonly ConnectionTypeInfo[] = [
  POSTGRESQL,
  {
    id: 'mysql',
    label: 'MySQL',
    fileBased: false,
    defaultPort: 3306,
    // Reached through the MariaDB driver, which has no "prefer".
    sslModes: ['disable', 'require', 'verify-ca', 'verify-full'],
    defaultSslMode: 'disable',
    properties: [
      'connectTimeout',
      'socketTimeout',
      'tcpKeepAlive',
      'useCompression',
      'connectionTimeZone',
    ],
    databaseLabel: 'Database',
  },
  {
    id: 'mariadb',
    label: 'MariaDB',
    fileBased: false,
    defaultPort: 3306,
    sslModes: ['disable', 'require', 'verify-ca', 'verify-full'],
    defaultSslMode: 'disable',
    properties: [
      'connectTimeout',
      'socketTimeout',
      'tcpKeepAlive',
      'useCompression',
      'connectionTimeZone',
    ],
    databaseLabel: 'Database',
  },
  {
    id: 'sqlite',
    label: 'SQLite',
    fileBased: true,
    sslModes: [],
    properties: [],
    databaseLabel: 'Database',
  },
  {
    id: 'duckdb',
    label: 'DuckDB',
    fileBased: true,
    sslModes: [],
    properties: [],
    databaseLabel: 'Database',
  },
  {
    id: 'clickhouse',
    label: 'ClickHouse',
    fileBased: false,
    defaultPort: 8123,
    defaultTlsPort: 8443,
    sslModes: ['disable', 'require', 'verify-full'],
    defaultSslMode: 'disable',
    properties: ['connection_timeout', 'socket_timeout', 'compress'],
    databaseLabel: 'Database',
  },
  {
    id: 'trino',
    label: 'Trino',
    fileBased: false,
    defaultPort: 8080,
    defaultTlsPort: 8443,
    sslModes: ['disable', 'require', 'verify-ca', 'verify-full'],
    defaultSslMode: 'disable',
    properties: ['source', 'timezone', 'disableCompression'],
    databaseLabel: 'Catalog',
    databaseHint:
      'Required: a catalog (e.g. hive), or catalog.schema. Tables are named schema.table in it.',
  },
  {
    id: 'sqlserver',
    label: 'SQL Server',
    fileBased: false,
    defaultPort: 1433,
    sslModes: ['disable', 'require', 'verify-full'],
    defaultSslMode: 'verify-full',
    properties: [
      'loginTimeout',
      'socketTimeout',
      'applicationName',
      'applicationIntent',
      'multiSubnetFailover',
    ],
    databaseLabel: 'Database',
  },
];

export const SSL_LABELS: Record<string, string> = {
  disable: 'Disabled',
  prefer: 'Preferred (encrypt when the server offers it)',
  require: 'Required (encrypted, certificate not checked)',
  'verify-ca': 'Verify CA',
  'verify-full': 'Verify CA and host name',
};

export function typeInfo(id: string | null | undefined): ConnectionTypeInfo {
  const key = (id ?? '').toLowerCase();
  return CONNECTION_TYPES.find((t) => t.id === key) ?? POSTGRESQL;
}

export function typeLabel(id: string | null | undefined): string {
  const key = (id ?? '').toLowerCase();
  return CONNECTION_TYPES.find((t) => t.id === key)?.label ?? id ?? '';
}

/** The port a blank port field means, for the placeholder. */
export function defaultPortFor(info: ConnectionTypeInfo, sslMode: string): number | undefined {
  const encrypts = sslMode !== '' && sslMode !== 'disable' && sslMode !== 'prefer';
  return encrypts && info.defaultTlsPort !== undefined ? info.defaultTlsPort : info.defaultPort;
}
