/** Previous and Next for a cursor-paged list, with where the page sits ("26–50"). */
export function IssuePager(props: {
  pageIndex: number;
  pageSize: number;
  shown: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const first = props.pageIndex * props.pageSize + 1;
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button button--quiet"
        disabled={props.pageIndex === 0}
        onClick={props.onPrevious}
      >
        ← Previous
      </button>
      <span className="pager__where" aria-live="polite">
        {props.shown === 0 ? 'No issues' : `Issues ${first}–${first + props.shown - 1}`}
      </span>
      <button
        type="button"
        className="button button--quiet"
        disabled={!props.hasNext}
        onClick={props.onNext}
      >
        Next →
      </button>
    </nav>
  );
}
