import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApprovalDecision, DocumentStatus } from '@passerelle/domain';
import { DataSource } from 'typeorm';
import type { RoundOutcome } from './review.entities';

export interface DocumentState {
  status: DocumentStatus;
  published: boolean;
}

export interface RoundRecord {
  id: string;
  number: number;
  open: boolean;
  submittedBy: { id: string; name: string } | null;
  submittedAt: Date;
}

export interface DecisionRecord {
  reviewer: { id: string; name: string };
  decision: ApprovalDecision;
  note: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What a status move does to the review rounds, in the same transaction. */
export interface RoundChange {
  /** Closes the open round, if any, with this outcome. */
  close?: RoundOutcome;
  /** Opens a new round (the next number), submitted by this person. */
  openBy?: string;
}

interface RoundRow {
  id: string;
  number: number;
  closed_at: Date | null;
  submitted_by: string | null;
  submitter_name: string | null;
  submitted_at: Date;
}

const toRound = (row: RoundRow): RoundRecord => ({
  id: row.id,
  number: row.number,
  open: row.closed_at === null,
  submittedBy: row.submitted_by ? { id: row.submitted_by, name: row.submitter_name ?? '' } : null,
  submittedAt: new Date(row.submitted_at),
});

/** The SQL of review rounds, decisions and the document status they move. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Moves the document from `from` to `to` and updates its rounds, atomically. Compare-and-set:
   * returns null (and changes nothing) when the document is no longer in `from` — someone else
   * moved it meanwhile. Otherwise the numbers of the rounds closed and opened.
   */
  async transition(
    documentId: string,
    from: DocumentState,
    to: DocumentState,
    rounds: RoundChange,
  ): Promise<{ closed: number | null; opened: number | null } | null> {
    return this.db.transaction(async (m) => {
      const [updated]: [Array<{ id: string }>, number] = await m.query(
        `UPDATE documents SET status = $4, published = $5, updated_at = now()
          WHERE id = $1 AND status = $2 AND published = $3 RETURNING id`,
        [documentId, from.status, from.published, to.status, to.published],
      );
      if (updated.length === 0) return null;
      let closed: number | null = null;
      let opened: number | null = null;
      if (rounds.close) {
        const [rows]: [Array<{ number: number }>, number] = await m.query(
          `UPDATE review_rounds SET closed_at = now(), outcome = $2
            WHERE document_id = $1 AND closed_at IS NULL RETURNING number`,
          [documentId, rounds.close],
        );
        closed = rows[0]?.number ?? null;
      }
      if (rounds.openBy) {
        const [row]: Array<{ number: number }> = await m.query(
          `INSERT INTO review_rounds (document_id, number, submitted_by)
           SELECT $1, COALESCE(MAX(number), 0) + 1, $2 FROM review_rounds WHERE document_id = $1
           RETURNING number`,
          [documentId, rounds.openBy],
        );
        opened = row.number;
      }
      return { closed, opened };
    });
  }

  async setRoundVersion(
    documentId: string,
    round: number,
    which: 'submitted' | 'adopted',
    versionId: string,
  ): Promise<void> {
    const column = which === 'submitted' ? 'submitted_version_id' : 'adopted_version_id';
    await this.db.query(`UPDATE review_rounds SET ${column} = $3 WHERE document_id = $1 AND number = $2`, [
      documentId,
      round,
      versionId,
    ]);
  }

  /** The latest round (open or closed), with its submitter. */
  async latestRound(documentId: string): Promise<RoundRecord | null> {
    const [row]: RoundRow[] = await this.db.query(
      `SELECT r.id, r.number, r.closed_at, r.submitted_by, u.name AS submitter_name, r.submitted_at
         FROM review_rounds r LEFT JOIN users u ON u.id = r.submitted_by
        WHERE r.document_id = $1 ORDER BY r.number DESC LIMIT 1`,
      [documentId],
    );
    return row ? toRound(row) : null;
  }

  /**
   * Records the reviewer's decision in the open round, replacing their earlier one in it. A
   * document put in review without a submission (imported data) gets its first round here. Only
   * while the document is in review: null when it is not (any more).
   */
  async decide(
    documentId: string,
    reviewerId: string,
    decision: ApprovalDecision,
    note: string,
  ): Promise<{ round: RoundRecord; replaced: boolean } | null> {
    await this.db.query(
      `INSERT INTO review_rounds (document_id, number)
       SELECT d.id, COALESCE((SELECT MAX(number) FROM review_rounds WHERE document_id = d.id), 0) + 1
         FROM documents d
        WHERE d.id = $1 AND d.status = 'in_review'
          AND NOT EXISTS (SELECT 1 FROM review_rounds WHERE document_id = d.id AND closed_at IS NULL)
       ON CONFLICT DO NOTHING`,
      [documentId],
    );
    // xmax <> 0 tells an update (a replaced decision) from an insert.
    const [row]: Array<{ round_id: string; replaced: boolean }> = await this.db.query(
      `INSERT INTO review_decisions (round_id, reviewer_id, decision, note)
       SELECT r.id, $2, $3, $4
         FROM review_rounds r JOIN documents d ON d.id = r.document_id
        WHERE r.document_id = $1 AND r.closed_at IS NULL AND d.status = 'in_review'
       ON CONFLICT (round_id, reviewer_id)
         DO UPDATE SET decision = EXCLUDED.decision, note = EXCLUDED.note, updated_at = now()
       RETURNING round_id, (xmax <> 0) AS replaced`,
      [documentId, reviewerId, decision, note],
    );
    if (!row) return null;
    const round = await this.latestRound(documentId);
    return round && round.id === row.round_id ? { round, replaced: row.replaced } : null;
  }

  /** The current decisions of a round, oldest first. */
  async decisions(roundId: string): Promise<DecisionRecord[]> {
    const rows: Array<{
      reviewer_id: string;
      name: string;
      decision: ApprovalDecision;
      note: string;
      created_at: Date;
      updated_at: Date;
    }> = await this.db.query(
      `SELECT d.reviewer_id, u.name, d.decision, d.note, d.created_at, d.updated_at
         FROM review_decisions d JOIN users u ON u.id = d.reviewer_id
        WHERE d.round_id = $1 ORDER BY d.created_at, d.reviewer_id`,
      [roundId],
    );
    return rows.map((r) => ({
      reviewer: { id: r.reviewer_id, name: r.name },
      decision: r.decision,
      note: r.note,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
    }));
  }

  /** The city's active stakeholders without a decision in the round (all of them when no round). */
  pendingStakeholders(cityId: string, roundId: string | null): Promise<Array<{ id: string; name: string }>> {
    return this.db.query(
      `SELECT u.id, u.name
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.city_id = $1 AND m.role = 'stakeholder' AND u.active
          AND NOT EXISTS (SELECT 1 FROM review_decisions rd WHERE rd.round_id = $2 AND rd.reviewer_id = u.id)
        ORDER BY u.name, u.id`,
      [cityId, roundId],
    );
  }
}
