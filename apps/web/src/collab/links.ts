/**
 * What a person typed in the link form, as a safe address: web and mail addresses only (a
 * `javascript:` link in a shared document would run in the next reader's session). A bare domain
 * gets https, a bare email address gets mailto. Null when it is neither.
 */
export function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (!value || /\s/.test(value)) return null;
  if (/^https?:\/\/[^/\s]+/i.test(value)) return value;
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[^:]+:\d/.test(value)) return null;
  if (/^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/.test(value)) return `mailto:${value}`;
  if (/^[^\s/]+\.[^\s/]{2,}(\/.*)?$/.test(value)) return `https://${value}`;
  return null;
}
