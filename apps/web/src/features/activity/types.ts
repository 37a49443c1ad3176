/** An entry of an activity feed (GET /api/activity). */
export interface ActivityEntry {
  id: string;
  verb: string;
  actor: { id: string; name: string } | null;
  city: { id: string; slug: string; name: string } | null;
  document: { id: string; title: string } | null;
  target: { type: string; id: string } | null;
  data: Record<string, unknown>;
  createdAt: string;
  /** For an edit summary, the last change it counts. */
  updatedAt: string;
}

export interface ActivityPage {
  items: ActivityEntry[];
  /** Pass as `before` for the next page; null at the end. */
  nextBefore: string | null;
}

export interface ActivityFilter {
  cityId?: string;
  documentId?: string;
}
