import type { SyncCounts as Counts } from '../../src/shared/mirror.ts';
import { formatCount } from '../sync-labels.ts';

/** What a run did, item by item; the two that are usually zero only when they are not. */
export function SyncCounts(props: { counts: Counts }) {
  const { counts } = props;
  return (
    <dl className="sync-counts">
      <Count term="Listed" name="listed" counts={counts} />
      <Count term="Written" name="written" counts={counts} />
      <Count term="Deleted" name="deleted" counts={counts} />
      <Count term="Comments" name="comments" counts={counts} />
      {counts.stale === 0 ? null : <Count term="Already newer" name="stale" counts={counts} />}
      {counts.unreadable === 0 ? null : (
        <Count term="Unreadable" name="unreadable" counts={counts} />
      )}
    </dl>
  );
}

function Count(props: { term: string; name: keyof Counts; counts: Counts }) {
  return (
    <div className="sync-counts__item">
      <dt>{props.term}</dt>
      <dd data-count={props.name}>{formatCount(props.counts[props.name])}</dd>
    </div>
  );
}
