/** The outcome of one item's work: a value to commit, or the failure that stops the pool. */
export type WorkOutcome<R, E> = { ok: true; value: R } | { ok: false; error: E };

/** How `runOrdered` runs. */
export interface OrderedPoolOptions<T, R, E> {
  /** Items of work, pulled as slots free up (e.g. chunks of ids listed page by page). */
  source: AsyncIterable<T>;
  /** Works in flight at once. */
  concurrency: number;
  work: (item: T) => Promise<WorkOutcome<R, E>>;
  /**
   * Called with the results ready at the head, strictly in source order, never concurrently: all
   * of them at once (up to `maxBatch`), so that results that queued up behind a slow item share
   * one commit instead of paying one each.
   */
  commit: (batch: readonly { value: R; item: T }[]) => Promise<void>;
  /** The most results one commit takes (default 8). */
  maxBatch?: number;
}

/** What the work callbacks change while the pool waits; an object so that reads are never stale. */
interface PoolState<T, R, E> {
  inFlight: number;
  done: Map<number, { item: T; outcome: WorkOutcome<R, E> }>;
  /** A work that threw: a bug, rethrown once the pool has drained. */
  bug: { error: unknown } | null;
  wake: () => void;
}

/**
 * Runs `work` on up to `concurrency` items at once and commits results in source order, so that a
 * checkpoint written with each commit always covers a gap-free prefix. Stops at the first failure
 * in source order (later results are dropped) and returns it; null when every item committed.
 */
export async function runOrdered<T, R, E>(options: OrderedPoolOptions<T, R, E>): Promise<E | null> {
  const { concurrency, maxBatch = 8 } = options;
  const iterator = options.source[Symbol.asyncIterator]();
  const state: PoolState<T, R, E> = {
    inFlight: 0,
    done: new Map(),
    bug: null,
    wake: () => undefined,
  };
  // Results wait in order for at most this many items, which bounds memory on a slow head item:
  // a fetched unit of 100 full issues holds megabytes, so the window is kept to two rounds.
  const window = concurrency * 2;
  let issued = 0;
  let committed = 0;
  let exhausted = false;
  const canIssue = () => !exhausted && state.inFlight < concurrency && issued - committed < window;
  const stop = async (): Promise<void> => {
    while (state.inFlight > 0) await new Promise<void>((resolve) => (state.wake = resolve));
    await iterator.return?.();
  };

  // Read through a function: the work callbacks set it while this function awaits.
  const bug = (): { error: unknown } | null => state.bug;

  for (;;) {
    const thrown = bug();
    if (thrown !== null) {
      await stop();
      throw thrown.error;
    }
    while (canIssue()) {
      const next = await iterator.next();
      if (next.done === true) {
        exhausted = true;
        break;
      }
      const index = issued++;
      const item = next.value;
      state.inFlight++;
      void options.work(item).then(
        (outcome) => {
          state.done.set(index, { item, outcome });
          state.inFlight--;
          state.wake();
        },
        (error: unknown) => {
          state.bug ??= { error };
          state.inFlight--;
          state.wake();
        },
      );
    }
    const batch: { value: R; item: T }[] = [];
    let failure: { error: E } | null = null;
    for (let head = state.done.get(committed + batch.length); head !== undefined;) {
      if (!head.outcome.ok) {
        failure = { error: head.outcome.error };
        break;
      }
      batch.push({ value: head.outcome.value, item: head.item });
      if (batch.length >= maxBatch) break;
      head = state.done.get(committed + batch.length);
    }
    if (batch.length > 0) {
      await options.commit(batch);
      for (let i = 0; i < batch.length; i++) state.done.delete(committed++);
    }
    if (failure !== null) {
      await stop();
      return failure.error;
    }
    if (state.inFlight === 0 && exhausted && bug() === null && !state.done.has(committed))
      return null;
    await new Promise<void>((resolve) => {
      state.wake = resolve;
      if (state.done.has(committed) || canIssue() || bug() !== null || state.inFlight === 0)
        resolve();
    });
  }
}
