/** The table where the Hocuspocus + PostgreSQL peer stores each document's state (name, data bytea). */
export const HOCUSPOCUS_TABLE = 'hocuspocus_documents';
