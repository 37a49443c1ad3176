import { parseSnippet } from './snippet';

/** A search result's passage with the matched words highlighted, rendered as text (never as HTML). */
export function Snippet({ snippet, lang }: { snippet: string; lang?: string }) {
  return (
    <p className="search-snippet" lang={lang} dir="auto">
      {parseSnippet(snippet).map((part, index) => (part.mark ? <mark key={index}>{part.text}</mark> : part.text))}
    </p>
  );
}
