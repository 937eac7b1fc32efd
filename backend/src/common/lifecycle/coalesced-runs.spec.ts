import { CoalescedRuns, RunStalled } from './coalesced-runs';

/** Records the ids each run was given and the most runs at once, around `body`. */
function recorded(body: (ids: string[]) => Promise<void>) {
  const runs: string[][] = [];
  let running = 0;
  let most = 0;
  const run = async (ids: string[]) => {
    runs.push([...ids].sort());
    running++;
    most = Math.max(most, running);
    try {
      await body(ids);
    } finally {
      running--;
    }
  };
  return { runs, run, most: () => most };
}

/** A run that waits until released, recording the ids it was given and how many ran at once. */
function gatedRuns(fail: (ids: string[]) => boolean = () => false) {
  const gates: (() => void)[] = [];
  const { runs, run, most } = recorded(async (ids) => {
    await new Promise<void>((r) => gates.push(r));
    if (fail(ids)) throw new Error(`bad ${ids.join(',')}`);
  });
  const release = async () => {
    await new Promise((r) => setImmediate(r));
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { runs, run, release, most, pending: () => gates.length };
}

const settled = (p: Promise<void>) => {
  const state = { value: 'pending' as 'pending' | 'resolved' | 'rejected' };
  p.then(
    () => (state.value = 'resolved'),
    () => (state.value = 'rejected'),
  );
  return state;
};

describe('CoalescedRuns', () => {
  it('runs one at a time; callers arriving meanwhile share the next run, their ids merged once', async () => {
    const g = gatedRuns();
    const sut = new CoalescedRuns({ maxIds: 100, run: g.run });
    const a = settled(sut.submit(['1', '2']));
    const b = settled(sut.submit(['2', '3', '3']));
    const c = settled(sut.submit(['3', '4']));
    await g.release();
    // The first run holds the first caller alone; it resolves only that caller.
    expect(a.value).toBe('resolved');
    expect([b.value, c.value]).toEqual(['pending', 'pending']);
    await g.release();
    await sut.idle();
    expect(g.runs).toEqual([
      ['1', '2'],
      ['2', '3', '4'],
    ]);
    expect([b.value, c.value]).toEqual(['resolved', 'resolved']);
    expect(g.most()).toBe(1);
  });

  it('settles a caller only once the run holding its ids has finished', async () => {
    const g = gatedRuns();
    const sut = new CoalescedRuns({ maxIds: 100, run: g.run });
    const a = settled(sut.submit(['1']));
    const b = settled(sut.submit(['1']));
    await new Promise((r) => setImmediate(r));
    expect([a.value, b.value]).toEqual(['pending', 'pending']);
    await g.release();
    // The id of b is the same as a's, but a's run began before b asked: b waits for its own run.
    expect([a.value, b.value]).toEqual(['resolved', 'pending']);
    await g.release();
    expect(b.value).toBe('resolved');
  });

  it('caps a run at maxIds distinct ids, taking callers whole and in order', async () => {
    const g = gatedRuns();
    const sut = new CoalescedRuns({ maxIds: 4, run: g.run });
    const first = sut.submit(['0']);
    const callers = [['1', '2'], ['2', '3'], ['4', '5'], ['6'], ['7', '8', '9', '10', '11']].map((ids) => sut.submit(ids));
    while (g.pending() || g.runs.length < 4) await g.release();
    await Promise.all([first, ...callers]);
    expect(g.runs).toEqual([['0'], ['1', '2', '3'], ['4', '5', '6'], ['10', '11', '7', '8', '9']]);
  });

  it('a failed run of several callers rejects only the callers whose own ids fail, and the next run goes on', async () => {
    const g = gatedRuns((ids) => ids.includes('bad'));
    const sut = new CoalescedRuns({ maxIds: 100, run: g.run });
    const head = settled(sut.submit(['0']));
    const good = settled(sut.submit(['1', '2']));
    const bad = settled(sut.submit(['2', 'bad']));
    const other = settled(sut.submit(['3']));
    await g.release(); // the head's run
    await g.release(); // the merged run: fails
    const later = settled(sut.submit(['4']));
    while (g.pending()) await g.release();
    await sut.idle();
    expect([head.value, good.value, bad.value, other.value, later.value]).toEqual(['resolved', 'resolved', 'rejected', 'resolved', 'resolved']);
    expect(g.runs).toEqual([['0'], ['1', '2', '3', 'bad'], ['1', '2'], ['2', 'bad'], ['3'], ['4']]);
  });

  it("rejects a lone caller with its run's error and resolves at once on no ids", async () => {
    const sut = new CoalescedRuns({
      maxIds: 10,
      run: () => Promise.reject(new Error('down')),
    });
    await expect(sut.submit(['1'])).rejects.toThrow('down');
    await expect(sut.submit([])).resolves.toBeUndefined();
    await sut.idle();
  });

  it('a run stuck past stallMs releases its callers and the slot: the next run starts beside it', async () => {
    let unstick: (error: Error) => void = () => undefined;
    // The run holding 'stuck' hangs (a lock wait) until the test lets it fail; the others finish at once.
    const { runs, run, most } = recorded(async (ids) => {
      if (ids.includes('stuck')) await new Promise<void>((_, reject) => (unstick = reject));
    });
    const sut = new CoalescedRuns({ maxIds: 100, run, stallMs: 40 });
    const stuck = sut.submit(['stuck', '1']);
    const joined = sut.submit(['2']);
    // Neither the stuck run's callers nor the one waiting behind it wait past the bound…
    await expect(stuck).rejects.toBeInstanceOf(RunStalled);
    await expect(joined).resolves.toBeUndefined();
    // …the latter ran while the stuck one still hung: two at once only then.
    expect(runs).toEqual([['1', 'stuck'], ['2']]);
    expect(most()).toBe(2);
    await expect(sut.submit(['3'])).resolves.toBeUndefined();
    // The stuck run fails at last: nobody waits for it any more and nothing is left unhandled.
    unstick(new Error('lock wait ended'));
    await new Promise((r) => setImmediate(r));
    await sut.idle();
    expect(runs).toEqual([['1', 'stuck'], ['2'], ['3']]);
  });
});
