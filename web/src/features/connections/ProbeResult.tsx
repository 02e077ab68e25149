import type { ConnectionProbe } from './api';

/**
 * The outcome of a connection test. A warning (a database user that can write) is shown apart and
 * prominently: DataMind only reads, and a read-only user makes sure nothing else can write either.
 */
export function ProbeResult({ probe }: { probe: ConnectionProbe }) {
  return (
    <div className="probe" aria-live="polite">
      {probe.ok ? (
        <div className="alert alert--success" role="status">
          <strong className="alert__title">Connection works</strong>
          <div className="alert__body">
            Connected in {probe.latencyMs} ms
            {probe.serverVersion ? ` · ${probe.serverVersion}` : ''}
          </div>
        </div>
      ) : (
        <div className="alert alert--error" role="alert">
          <strong className="alert__title">Connection failed</strong>
          <div className="alert__body">{probe.message ?? 'The database could not be reached.'}</div>
        </div>
      )}
      {probe.warnings.length > 0 && (
        <div className="alert alert--warning" role="alert">
          <strong className="alert__title">Use a read-only database user</strong>
          <div className="alert__body">
            <ul className="probe__warnings">
              {probe.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            DataMind only ever reads, but a user that can write is one mistake away from changing
            your data. Create a user with read access only and use it here.
          </div>
        </div>
      )}
    </div>
  );
}
