/**
 * The one shutdown path of a process (API, worker): on SIGTERM or SIGINT, run the steps once, in
 * order — the Nest application (stop accepting, finish in-flight requests and jobs, stop the relay,
 * close the pool), then the embedded database — and exit 0. Nothing else in the process may listen
 * for these signals (no `enableShutdownHooks`, no exit hooks of libraries): two handlers race and
 * the loser exits 143 before the database is closed.
 */
export function exitOnSignal(log: (message: string) => void, steps: (() => Promise<unknown>)[], timeoutMs = 25_000): void {
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log(`${signal}: shutting down`);
    // A dependency that hangs on close (an unreachable Redis, a stuck query) must not keep the
    // process alive forever: the orchestrator expects us gone.
    setTimeout(() => {
      process.stderr.write(`shutdown did not finish in ${timeoutMs / 1000} s; exiting\n`);
      process.exit(1);
    }, timeoutMs).unref();
    let code = 0;
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        code = 1;
        process.stderr.write(`shutdown step failed: ${(error as Error).stack ?? String(error)}\n`);
      }
    }
    process.exit(code);
  };
  // `on`, not `once`: a second signal (the terminal's process group and `npm start` both pass
  // one on) must not fall back to the default action, which kills the process mid-shutdown.
  process.on('SIGTERM', (s) => void shutdown(s));
  process.on('SIGINT', (s) => void shutdown(s));
}
