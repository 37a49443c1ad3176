import type { ReactNode } from 'react';
import type { PMNode } from './types';

/** Only web and mail addresses become links: a `javascript:` href stored in a document stays inert text. */
function safeHref(value: unknown): string | null {
  return typeof value === 'string' && /^(https?:\/\/|mailto:)/i.test(value.trim()) ? value.trim() : null;
}

function renderText(node: PMNode, key: number): ReactNode {
  let content: ReactNode = node.text ?? '';
  // Innermost first, so that the first mark (link, in the editor's order) wraps the others.
  for (const mark of [...(node.marks ?? [])].reverse()) {
    switch (mark.type) {
      case 'bold':
        content = <strong>{content}</strong>;
        break;
      case 'italic':
        content = <em>{content}</em>;
        break;
      case 'strike':
        content = <s>{content}</s>;
        break;
      case 'code':
        content = <code>{content}</code>;
        break;
      case 'underline':
        content = <u>{content}</u>;
        break;
      case 'link': {
        const href = safeHref(mark.attrs?.href);
        if (href)
          content = (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {content}
            </a>
          );
        break;
      }
    }
  }
  return <span key={key}>{content}</span>;
}

function renderNode(node: PMNode, key: number): ReactNode {
  const children = () => (node.content ?? []).map(renderNode);
  switch (node.type) {
    case 'text':
      return renderText(node, key);
    case 'paragraph':
      return <p key={key}>{children()}</p>;
    case 'heading': {
      // Inside the page's own outline (h1 title, h2 panel), the document's headings start at h3.
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1) + 2);
      const Tag = `h${level}` as 'h3';
      return <Tag key={key}>{children()}</Tag>;
    }
    case 'bulletList':
      return <ul key={key}>{children()}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={typeof node.attrs?.start === 'number' ? node.attrs.start : undefined}>
          {children()}
        </ol>
      );
    case 'listItem':
      return <li key={key}>{children()}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children()}</blockquote>;
    case 'table':
      return (
        <div key={key} className="table-wrap">
          <table className="table">
            <tbody>{children()}</tbody>
          </table>
        </div>
      );
    case 'tableRow':
      return <tr key={key}>{children()}</tr>;
    case 'tableHeader':
      return <th key={key}>{children()}</th>;
    case 'tableCell':
      return <td key={key}>{children()}</td>;
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <hr key={key} />;
    default:
      return <div key={key}>{children()}</div>;
  }
}

/**
 * A version's text, read-only, built as React elements from its ProseMirror JSON: nothing from the
 * document is ever parsed as HTML.
 */
export function ProseMirrorView({ doc, lang, dir }: { doc: PMNode; lang: string; dir: 'ltr' | 'rtl' }) {
  return (
    <div className="version-content" lang={lang} dir={dir}>
      {(doc.content ?? []).map(renderNode)}
    </div>
  );
}
