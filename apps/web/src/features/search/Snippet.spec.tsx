import { render, screen } from '@testing-library/react';
import { decodeEntities, parseSnippet } from './snippet';
import { Snippet } from './Snippet';

describe('the search snippet', () => {
  it('highlights the words the server marked, and only those', () => {
    const { container } = render(<Snippet snippet="A shared <mark>welcome</mark> <mark>desk</mark> for newcomers" />);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['welcome', 'desk']);
    expect(container.textContent).toBe('A shared welcome desk for newcomers');
  });

  it('shows an escaped <script> in a snippet as text, never as markup', () => {
    const { container } = render(
      <Snippet snippet={'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>desk</mark> &amp; more'} />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toBe('<script>alert("x")</script> desk & more');
    expect(screen.getByText('desk').tagName).toBe('MARK');
  });

  it('keeps markup the server should have escaped as text too (only <mark> is read)', () => {
    const { container } = render(
      <Snippet snippet={'<img src=x onerror="alert(1)"><script>alert(2)</script> <b>bold</b> <mark>hit</mark>'} />,
    );
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script> <b>bold</b> hit');
  });

  it('decodes entities once: "&amp;lt;" reads as the text "&lt;"', () => {
    expect(decodeEntities('&amp;lt; &#39;a&#x27; &eacute;')).toBe("&lt; 'a' &eacute;");
  });

  it('reads a passage across the document’s blocks as one line', () => {
    expect(parseSnippet('<mark>Lyon</mark>\nIntroduction\nCe document')).toEqual([
      { text: 'Lyon', mark: true },
      { text: ' · Introduction · Ce document', mark: false },
    ]);
  });

  it('gives the passage its language and lets the browser find its direction', () => {
    const { container } = render(<Snippet snippet="<mark>مدينة</mark> طنجة" lang="ar" />);
    const paragraph = container.querySelector('p')!;
    expect(paragraph).toHaveAttribute('lang', 'ar');
    expect(paragraph).toHaveAttribute('dir', 'auto');
  });
});
