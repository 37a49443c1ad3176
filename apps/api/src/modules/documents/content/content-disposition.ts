const RFC5987_EXTRA = /['()*]/g;

/**
 * `attachment` with a filename every browser accepts: an ASCII slug for old clients and the
 * title itself, percent-encoded, in `filename*` (RFC 6266). Nothing in the title can break out of
 * the header or name a path.
 */
export function attachmentDisposition(title: string, extension: string): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '')
      .toLowerCase() || 'document';
  const readable =
    title
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'document';
  const encoded = encodeURIComponent(`${readable}.${extension}`).replace(
    RFC5987_EXTRA,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${slug}.${extension}"; filename*=UTF-8''${encoded}`;
}
