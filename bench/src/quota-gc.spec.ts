import { sumNvp } from './quota-gc';

describe('quota-gc', () => {
  it("sums V8's scavenge and mark-compact lines inside the measured range only", () => {
    const line = (at: number, gc: string, rest: string) => `[123:0x1]  ${at} ms: pause=2.5 mutator=10.0 gc=${gc} reduce_memory=0 ${rest}`;
    const lines = [
      line(900, 's', 'allocated=1048576 promoted=1048576 new_space_survived=1048576'), // warm-up: left out
      line(1_000, 's', 'allocated=2097152 promoted=524288 new_space_survived=1048576'),
      line(1_500, 'mc', 'allocated=0 promoted=0'),
      line(2_000, 's', 'allocated=2097152 promoted=524288 new_space_survived=0'),
      'RANGE {"fromMs":1000,"toMs":2000}',
    ];
    expect(sumNvp(lines, 1_000, 2_000)).toEqual({ scavenges: 2, scavengeMs: 5, allocatedMB: 4, survivedMB: 1, promotedMB: 1, markCompacts: 1, markCompactMs: 2.5 });
  });
});
