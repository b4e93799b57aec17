/**
 * ADF (Jira Cloud's rich text) to React elements. Atlaskit's renderer would pull a large editor
 * stack into the bundle for a read-only view; the node types are few and documented, and building
 * React elements (never an HTML string) means every text is escaped by React, so no sanitiser is
 * needed: the only attribute values that come from the document are checked links and colours.
 */
import type { ReactNode } from 'react';
import { createElement, Fragment } from 'react';
import type { LooseNode } from './adf-types.ts';
import { plainText, readMark, readNode } from './adf-types.ts';
import { safeColor, safeHref } from './safe-url.ts';

// Deeper than any real document; beyond it the subtree is shown as plain text, so a hostile
// document cannot exhaust the stack or the layout.
const MAX_DEPTH = 24;

// Headings in a description sit under the page's own h1 and h2, so they start at h3.
const HEADING_OFFSET = 2;

const PANEL_TYPES = new Set(['info', 'note', 'warning', 'success', 'error', 'tip', 'custom']);

/** Renders an ADF document (or any ADF node) as React elements. */
export function renderAdf(doc: unknown): ReactNode {
  return renderNode(doc, 0, 0);
}

function renderChildren(node: LooseNode, depth: number): ReactNode[] {
  return node.content.map((child, index) => renderNode(child, index, depth + 1));
}

function renderNode(value: unknown, key: number, depth: number): ReactNode {
  const node = readNode(value);
  if (node === null) return null;
  if (depth > MAX_DEPTH) return <Fragment key={key}>{plainText(value)}</Fragment>;
  const children = () => renderChildren(node, depth);
  switch (node.type) {
    case 'doc':
      return <Fragment key={key}>{children()}</Fragment>;
    case 'paragraph':
      return <p key={key}>{children()}</p>;
    case 'heading':
      return createElement(headingTag(node.attrs.level), { key }, children());
    case 'bulletList':
      return <ul key={key}>{children()}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={listStart(node.attrs.order)}>
          {children()}
        </ol>
      );
    case 'listItem':
    case 'decisionItem':
      return <li key={key}>{children()}</li>;
    case 'decisionList':
      return <ul key={key}>{children()}</ul>;
    case 'taskList':
      return (
        <ul key={key} className="rich-text__tasks">
          {children()}
        </ul>
      );
    case 'taskItem':
      return (
        <li key={key}>
          <span aria-hidden="true">{node.attrs.state === 'DONE' ? '☑' : '☐'} </span>
          <span className="sr-only">{node.attrs.state === 'DONE' ? 'Done: ' : 'To do: '}</span>
          {children()}
        </li>
      );
    case 'codeBlock':
      return (
        <pre key={key}>
          <code>{plainText(value)}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{children()}</blockquote>;
    case 'rule':
      return <hr key={key} />;
    case 'hardBreak':
      return <br key={key} />;
    case 'text':
      return <Fragment key={key}>{applyMarks(node.text ?? '', node.marks)}</Fragment>;
    case 'mention':
      return (
        <span key={key} className="rich-text__mention">
          {mentionText(node)}
        </span>
      );
    case 'emoji':
      return (
        <Fragment key={key}>
          {stringAttr(node.attrs.text) ?? stringAttr(node.attrs.shortName)}
        </Fragment>
      );
    case 'status':
      return (
        <span key={key} className="rich-text__lozenge">
          {stringAttr(node.attrs.text)}
        </span>
      );
    case 'date':
      return <Fragment key={key}>{dateText(node.attrs.timestamp)}</Fragment>;
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      return (
        <Fragment key={key}>{link(node.attrs.url, stringAttr(node.attrs.url) ?? '')}</Fragment>
      );
    case 'panel':
      return (
        <div
          key={key}
          role="note"
          className={`rich-text__panel rich-text__panel--${panelType(node)}`}
        >
          {children()}
        </div>
      );
    case 'table':
      return (
        <div key={key} className="rich-text__table">
          <table>
            <tbody>{children()}</tbody>
          </table>
        </div>
      );
    case 'tableRow':
      return <tr key={key}>{children()}</tr>;
    case 'tableHeader':
    case 'tableCell':
      return createElement(
        node.type === 'tableHeader' ? 'th' : 'td',
        { key, colSpan: span(node.attrs.colspan), rowSpan: span(node.attrs.rowspan) },
        children(),
      );
    case 'expand':
    case 'nestedExpand':
      return (
        <details key={key}>
          <summary>{stringAttr(node.attrs.title) ?? 'Details'}</summary>
          {children()}
        </details>
      );
    case 'mediaSingle':
    case 'mediaGroup':
    case 'media':
    case 'mediaInline':
      // Attachments live in Jira behind its own authentication; the page links to the issue there.
      return (
        <span key={key} className="rich-text__attachment">
          [attachment]
        </span>
      );
    default:
      // A node type Jira added later: keep its text rather than lose it.
      return node.text === undefined ? (
        <Fragment key={key}>{children()}</Fragment>
      ) : (
        <Fragment key={key}>{applyMarks(node.text, node.marks)}</Fragment>
      );
  }
}

function applyMarks(text: string, marks: unknown[]): ReactNode {
  let out: ReactNode = text;
  let href: unknown = undefined;
  for (const raw of marks) {
    const mark = readMark(raw);
    if (mark === null) continue;
    switch (mark.type) {
      case 'strong':
        out = <strong>{out}</strong>;
        break;
      case 'em':
        out = <em>{out}</em>;
        break;
      case 'strike':
        out = <s>{out}</s>;
        break;
      case 'underline':
        out = <u>{out}</u>;
        break;
      case 'code':
        out = <code>{out}</code>;
        break;
      case 'subsup':
        out = mark.attrs.type === 'sub' ? <sub>{out}</sub> : <sup>{out}</sup>;
        break;
      case 'textColor': {
        const color = safeColor(mark.attrs.color);
        if (color !== null) out = <span style={{ color }}>{out}</span>;
        break;
      }
      case 'link':
        href = mark.attrs.href;
        break;
    }
  }
  // The link goes outermost, as one <a> around every other mark.
  return href === undefined ? out : link(href, out);
}

/** An external link when `href` is safe; otherwise just the content, never a dangerous href. */
function link(href: unknown, content: ReactNode): ReactNode {
  const safe = safeHref(href);
  if (safe === null) return content;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
      {content}
    </a>
  );
}

function headingTag(level: unknown): string {
  const n = positiveInt(level) ?? 1;
  return `h${Math.min(6, Math.max(1, n) + HEADING_OFFSET)}`;
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function listStart(value: unknown): number | undefined {
  const n = positiveInt(value);
  return n === undefined || n === 1 ? undefined : n;
}

function span(value: unknown): number | undefined {
  const n = positiveInt(value);
  return n === undefined || n === 1 ? undefined : Math.min(n, 100);
}

function stringAttr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function mentionText(node: LooseNode): string {
  const text = stringAttr(node.attrs.text) ?? stringAttr(node.attrs.id) ?? 'someone';
  return text.startsWith('@') ? text : `@${text}`;
}

function panelType(node: LooseNode): string {
  const type = stringAttr(node.attrs.panelType) ?? 'info';
  return PANEL_TYPES.has(type) ? type : 'info';
}

function dateText(timestamp: unknown): string {
  const ms = Number(timestamp);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
}
