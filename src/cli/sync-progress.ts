import type { SyncRunView } from '../shared/mirror.ts';

const BAR_WIDTH = 24;

function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${m % 60}m`;
}

/** One line of progress: phase, done/total, rate and time left, as far as they are known. */
export function progressText(run: SyncRunView): string {
  const parts = [run.phase];
  parts.push(run.total === null ? `${run.done} issues` : `${run.done}/${run.total} issues`);
  if (run.rate !== null) parts.push(`${Math.round(run.rate)}/s`);
  if (run.etaSeconds !== null) parts.push(`ETA ${duration(run.etaSeconds)}`);
  return parts.join('  ');
}

/** The progress line of a terminal: a bar when the total is known, then the text. */
export function progressBar(run: SyncRunView): string {
  if (run.total === null || run.total === 0) return progressText(run);
  const share = Math.min(1, run.done / run.total);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%`;
  return `${bar}  ${progressText(run)}`;
}

/** What a finished run did, in one sentence. */
export function summaryText(run: SyncRunView): string {
  const c = run.counts;
  const took =
    run.startedAt === null || run.finishedAt === null
      ? ''
      : ` in ${duration((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000)}`;
  return `${run.mode} sync ${run.status}${took}: ${c.listed} listed, ${c.written} written, ${c.deleted} deleted, ${c.comments} comments`;
}

/** Shows a run's progress: a bar redrawn in place on a terminal, a line now and then otherwise. */
export function createProgressPrinter(
  out: NodeJS.WriteStream,
  plainEveryMs = 2000,
): { show(run: SyncRunView): void; end(): void } {
  let lastPlain = 0;
  let lastText = '';
  let drawn = false;
  return {
    show(run) {
      if (out.isTTY) {
        const line = progressBar(run).slice(0, Math.max(20, (out.columns || 80) - 1));
        out.write(`\r${line}\x1b[K`);
        drawn = true;
        return;
      }
      const text = progressText(run);
      const now = Date.now();
      // A plain log gets a line when the phase changes or every few seconds, not a flood.
      if (text.split('  ')[0] !== lastText.split('  ')[0] || now - lastPlain >= plainEveryMs) {
        out.write(`${text}\n`);
        lastPlain = now;
        lastText = text;
      }
    },
    end() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}
