// Starts the real DataMind jar for one test: a free port, a fresh data directory, and a wait
// until GET /api/v1/health answers 200. stop() ends it (SIGTERM, then SIGKILL) and cleans up.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_JAR = resolve(here, '../../server/target/datamind.jar');
const MAX_LOG_CHARS = 200_000;

/** The jar under test: $DATAMIND_JAR, else server/target/datamind.jar of this checkout. */
export function jarPath() {
  return process.env.DATAMIND_JAR || DEFAULT_JAR;
}

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @typedef {object} StartOptions
 * @property {string[]} [args] extra `--key=value` arguments for Spring Boot
 * @property {Record<string, string>} [env] extra environment variables
 * @property {string[]} [jvmArgs] JVM options (default: a small, fast-starting JVM)
 * @property {number} [timeoutMs] how long to wait for health (default 60 s)
 */

/**
 * @typedef {object} RunningServer
 * @property {string} baseUrl e.g. http://127.0.0.1:41234
 * @property {number} port
 * @property {string} dataDir
 * @property {() => string} log everything the server printed so far
 * @property {() => Promise<void>} stop
 */

/**
 * Starts `java -jar $DATAMIND_JAR` and resolves once it is healthy.
 * @param {StartOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  const jar = jarPath();
  if (!existsSync(jar)) {
    throw new Error(
      `The server jar is missing: ${jar}\n` +
        'Build it with: ./mvnw -B -ntp -pl web,server package -DskipTests (or set DATAMIND_JAR).',
    );
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'datamind-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const jvmArgs = options.jvmArgs ?? [
    '-Xms128m',
    '-Xmx768m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
  ];
  const args = [
    ...jvmArgs,
    '-jar',
    jar,
    `--server.port=${port}`,
    `--datamind.data-dir=${dataDir}`,
    ...(options.args ?? []),
  ];

  let output = '';
  const append = (chunk) => {
    output += chunk.toString();
    if (output.length > MAX_LOG_CHARS) output = output.slice(-MAX_LOG_CHARS);
  };
  const child = spawn('java', args, {
    cwd: dataDir,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let exited = null;
  const exitPromise = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolveExit(exited);
    });
    child.on('error', (error) => {
      append(`\n[e2e] could not start java: ${error.message}\n`);
      exited = { code: -1, signal: null };
      resolveExit(exited);
    });
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exitPromise.then(() => false), sleep(15_000).then(() => true)]);
      if (timedOut && !exited) {
        child.kill('SIGKILL');
        await exitPromise;
      }
    }
    if (!process.env.DATAMIND_E2E_KEEP_DATA) {
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    }
  };

  const fail = async (reason) => {
    await stop();
    const error = new Error(
      `${reason}\n--- server command ---\njava ${args.join(' ')}\n--- server log ---\n${output}\n--- end of server log ---`,
    );
    console.error(error.message);
    throw error;
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      return fail(`The server exited before it was healthy (code ${exited.code}, signal ${exited.signal}).`);
    }
    if (Date.now() > deadline) {
      return fail(`The server was not healthy within ${Math.round(timeoutMs / 1000)} s.`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }

  return { baseUrl, port, dataDir, log: () => output, stop };
}
