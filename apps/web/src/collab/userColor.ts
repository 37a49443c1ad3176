/**
 * Colours of people's carets and avatars: dark enough for white initials (WCAG AA on white text) and
 * distinct from each other. Written as #rrggbb because the caret extension accepts nothing else.
 */
export const PRESENCE_COLORS = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7e22ce',
  '#b45309',
  '#0f766e',
  '#be185d',
  '#4d7c0f',
  '#9a3412',
  '#3730a3',
] as const;

/** The same person gets the same colour in every window and on every screen. */
export function userColor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length];
}

/** One or two initials for an avatar. */
export function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return (
    parts
      .slice(0, 2)
      .map((part) => [...part][0]!.toUpperCase())
      .join('') || '?'
  );
}
