import { decideLeftover, LeftoverAction, parsePostmasterPid } from './postmaster';
import { parsePpid, parseState, type PidInfo } from './processes';

const PIDFILE = '4242\n/repo/.data/postgres\n1795328638\n5433\n\n127.0.0.1\n  1234567     0\nready   \n';

describe('parsePostmasterPid', () => {
  it('reads pid, data dir and port', () => {
    expect(parsePostmasterPid(PIDFILE)).toEqual({ pid: 4242, dataDir: '/repo/.data/postgres', port: 5433 });
  });
  it('rejects garbage', () => {
    expect(parsePostmasterPid('')).toBeNull();
    expect(parsePostmasterPid('abc\n/x')).toBeNull();
  });
});

describe('decideLeftover', () => {
  const pidFile = parsePostmasterPid(PIDFILE)!;
  const info = (o: Partial<PidInfo>): PidInfo => ({ pid: 4242, alive: true, cmdline: '/x/bin/postgres -D /repo/.data/postgres', ppid: 1, parentComm: 'init', ...o });

  it('stops a Postgres whose launcher is gone', () => {
    expect(decideLeftover(pidFile, info({}))).toBe(LeftoverAction.StoppedOrphan);
    expect(decideLeftover(pidFile, info({ ppid: 77, parentComm: 'process_api' }))).toBe(LeftoverAction.StoppedOrphan);
  });
  it('leaves a Postgres alone while its launcher (a node process) runs', () => {
    expect(decideLeftover(pidFile, info({ ppid: 900, parentComm: 'node' }))).toBe('in-use');
  });
  it('drops a pid file whose pid is dead or was recycled by something else', () => {
    expect(decideLeftover(pidFile, info({ alive: false, cmdline: '' }))).toBe(LeftoverAction.RemovedStalePidFile);
    expect(decideLeftover(pidFile, info({ cmdline: 'sleep 100' }))).toBe(LeftoverAction.RemovedStalePidFile);
  });
});

describe('/proc/<pid>/stat parsing', () => {
  it('survives a command name with spaces and parentheses', () => {
    const stat = '123 (weird (name) x) Z 1 123 123 0 -1';
    expect(parseState(stat)).toBe('Z');
    expect(parsePpid(stat)).toBe(1);
  });
});
