import type { DocumentTransition } from '@passerelle/domain';

/** The feed's verb for each move of the document status machine. */
export const STATUS_VERBS: Readonly<Record<DocumentTransition, string>> = {
  submit: 'document.submitted',
  adopt: 'document.adopted',
  revise: 'document.revised',
  publish: 'document.published',
  unpublish: 'document.unpublished',
  archive: 'document.archived',
  unarchive: 'document.unarchived',
};
