import { BatchPump } from './batch-pump';

describe('BatchPump', () => {
  it('runs each id once, in batches, at most `batches` at a time, and settles on idle', async () => {
    const seen: string[][] = [];
    let running = 0;
    let most = 0;
    const sut = new BatchPump({
      batches: 2,
      batchSize: 3,
      run: async (ids) => {
        running++;
        most = Math.max(most, running);
        seen.push(ids);
        await new Promise((r) => setTimeout(r, 5));
        running--;
      },
      onError: () => undefined,
    });
    sut.add(['1', '2', '3', '4', '5', '6', '7', '1', '2']);
    sut.add(['7', '8']);
    await sut.idle();
    expect(seen.flat().sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(seen.every((b) => b.length <= 3)).toBe(true);
    expect(most).toBe(2);
  });

  it('hands a failed batch to onError and goes on; takes nothing once closed', async () => {
    const failed: string[][] = [];
    const ran: string[] = [];
    const sut = new BatchPump({
      batches: 1,
      batchSize: 1,
      run: async ([id]) => {
        if (id === 'bad') throw new Error('boom');
        ran.push(id);
      },
      onError: (_error, ids) => failed.push(ids),
    });
    sut.add(['bad', 'good']);
    await sut.idle();
    expect(failed).toEqual([['bad']]);
    expect(ran).toEqual(['good']);
    await sut.close();
    sut.add(['late']);
    await sut.idle();
    expect(ran).toEqual(['good']);
  });
});
