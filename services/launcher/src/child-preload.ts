// Loaded with `--require` into every service the launcher forks. When the launcher dies (even by
// SIGKILL) the IPC channel closes; the service then shuts down the way it does on SIGTERM instead
// of lingering as an orphan holding ports and NATS subscriptions.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
