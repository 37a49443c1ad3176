import { Fragment, type ReactNode } from 'react';

/** An invisible separator: never typed in a translation, so it safely marks where a slot goes. */
const MARK = '\u2063';
const SLOT = new RegExp(`${MARK}(\\w+)${MARK}`);

/**
 * A translated sentence with elements in it ("{{actor}} approved {{document}}" with a link for
 * the document). The translation is asked with markers for the slots and split on them, so names
 * and titles are never parsed as markup, and each slot is isolated (<bdi>) so that a French title
 * inside an Arabic sentence keeps its own direction.
 */
export function richText(
  translate: (values: Record<string, string>) => string,
  slots: Record<string, ReactNode>,
): ReactNode[] {
  const markers = Object.fromEntries(Object.keys(slots).map((name) => [name, `${MARK}${name}${MARK}`]));
  return translate(markers)
    .split(SLOT)
    .map((piece, index) =>
      index % 2 === 0 ? piece && <Fragment key={index}>{piece}</Fragment> : <bdi key={index}>{slots[piece]}</bdi>,
    );
}
