interface Run {
  name: string;
  id: string;
  controller: AbortController;
  done: Promise<unknown>;
}

/** The job runs in progress in this process, so stop() can wait for them and abort stragglers. */
export class RunningJobs {
  readonly #runs = new Set<Run>();

  /** How many runs of `name` are in progress. */
  count(name: string): number {
    let count = 0;
    for (const run of this.#runs) if (run.name === name) count += 1;
    return count;
  }

  /** Tracks `work` until it settles; its signal aborts if stop() times out. */
  track<T>(name: string, id: string, work: (stopSignal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const done = work(controller.signal);
    const run: Run = { name, id, controller, done };
    this.#runs.add(run);
    const forget = () => this.#runs.delete(run);
    void done.then(forget, forget);
    return done;
  }

  /**
   * Waits up to `timeoutMs` for every run to settle, then aborts the rest and gives them `graceMs`
   * to wind down; returns the ids of the jobs still running after that.
   */
  async drain(timeoutMs: number, graceMs: number): Promise<string[]> {
    await this.#settled(timeoutMs);
    for (const run of this.#runs) run.controller.abort(new Error('The job queue is stopping'));
    await this.#settled(graceMs);
    return [...this.#runs].map((run) => run.id);
  }

  async #settled(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.#runs].map((run) => run.done)), timeout]);
    clearTimeout(timer);
  }
}
