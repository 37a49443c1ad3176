/** Keyboard shortcuts as the toolbar shows them ("Ctrl+B", "⌘B") and announces them (aria-keyshortcuts). */
export interface Shortcut {
  /** For `title`: what a person presses. */
  label: string;
  /** For `aria-keyshortcuts`: the ARIA syntax. */
  aria: string;
}

export const isApplePlatform = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** `keys` like "Mod+Shift+8": Mod is Command on Apple systems and Control elsewhere. */
export function shortcut(keys: string, apple: boolean = isApplePlatform()): Shortcut {
  const parts = keys.split('+');
  const aria = parts.map((part) => (part === 'Mod' ? (apple ? 'Meta' : 'Control') : part)).join('+');
  const label = apple
    ? parts.map((part) => ({ Mod: '⌘', Shift: '⇧', Alt: '⌥' })[part] ?? part).join('')
    : parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)).join('+');
  return { label, aria };
}
