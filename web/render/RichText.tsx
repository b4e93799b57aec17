import { useMemo } from 'react';
import { renderAdf } from './adf-render.tsx';
import { isAdfDoc } from './adf-types.ts';
import { wikiToAdf } from './wiki-to-adf.ts';

/** Jira rich text as safe elements: an ADF document (Cloud) or wiki markup (Server/DC, API v2). */
export function RichText(props: { value: unknown; empty: string }) {
  const { value } = props;
  const doc = useMemo(() => {
    if (typeof value === 'string') return value.trim() === '' ? null : wikiToAdf(value);
    return isAdfDoc(value) ? value : null;
  }, [value]);
  if (doc === null) return <p className="muted">{props.empty}</p>;
  return <div className="rich-text">{renderAdf(doc)}</div>;
}
