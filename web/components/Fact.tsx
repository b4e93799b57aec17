/** One term and value of a facts card; nothing when the value is unknown. */
export function Fact(props: { term: string; value: string | number | null }) {
  if (props.value === null || props.value === '') return null;
  return (
    <div className="fact">
      <dt>{props.term}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
