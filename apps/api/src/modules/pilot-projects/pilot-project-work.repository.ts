import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MilestoneStatus } from '@passerelle/domain';
import { DataSource } from 'typeorm';

export interface MilestoneRecord {
  id: string;
  pilotProjectId: string;
  title: string;
  dueDate: string;
  status: MilestoneStatus;
  completedAt: Date | null;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProgressRecord {
  id: string;
  pilotProjectId: string;
  percent: number;
  note: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

const MILESTONE_COLUMNS = { title: 'title', dueDate: 'due_date', status: 'status', position: 'position' } as const;

const SELECT_MILESTONE = `
  SELECT m.id, m.pilot_project_id, m.title, m.due_date::text AS due_date, m.status, m.completed_at, m.position,
         m.created_at, m.updated_at
    FROM pilot_project_milestones m`;

interface MilestoneRow {
  id: string;
  pilot_project_id: string;
  title: string;
  due_date: string;
  status: MilestoneStatus;
  completed_at: Date | null;
  position: number;
  created_at: Date;
  updated_at: Date;
}

const toMilestone = (r: MilestoneRow): MilestoneRecord => ({
  id: r.id,
  pilotProjectId: r.pilot_project_id,
  title: r.title,
  dueDate: r.due_date,
  status: r.status,
  completedAt: r.completed_at === null ? null : new Date(r.completed_at),
  position: r.position,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const SELECT_PROGRESS = `
  SELECT g.id, g.pilot_project_id, g.percent, g.note, g.author_id, u.name AS author_name, g.created_at
    FROM pilot_project_progress g LEFT JOIN users u ON u.id = g.author_id`;

interface ProgressRow {
  id: string;
  pilot_project_id: string;
  percent: number;
  note: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
}

const toProgress = (r: ProgressRow): ProgressRecord => ({
  id: r.id,
  pilotProjectId: r.pilot_project_id,
  percent: Number(r.percent),
  note: r.note,
  authorId: r.author_id,
  authorName: r.author_name,
  createdAt: new Date(r.created_at),
});

/** The SQL of the running work of pilot projects: milestones and progress updates. */
@Injectable()
export class PilotProjectWorkRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async milestonesOf(projectIds: string[]): Promise<MilestoneRecord[]> {
    if (projectIds.length === 0) return [];
    const rows: MilestoneRow[] = await this.db.query(
      `${SELECT_MILESTONE} WHERE m.pilot_project_id = ANY($1::uuid[]) ORDER BY m.position, m.due_date, m.created_at`,
      [projectIds],
    );
    return rows.map(toMilestone);
  }

  async findMilestone(projectId: string, milestoneId: string): Promise<MilestoneRecord | null> {
    const [row]: MilestoneRow[] = await this.db.query(
      `${SELECT_MILESTONE} WHERE m.id = $1 AND m.pilot_project_id = $2`,
      [milestoneId, projectId],
    );
    return row ? toMilestone(row) : null;
  }

  /** A new milestone goes last unless a position is given. */
  async insertMilestone(fields: {
    pilotProjectId: string;
    title: string;
    dueDate: string;
    status: MilestoneStatus;
    position?: number;
  }): Promise<MilestoneRecord> {
    const [row]: MilestoneRow[] = await this.db.query(
      `INSERT INTO pilot_project_milestones AS m (pilot_project_id, title, due_date, status, position, completed_at)
       VALUES ($1, $2, $3, $4::varchar,
               COALESCE($5::integer,
                        (SELECT COALESCE(max(position) + 1, 0) FROM pilot_project_milestones WHERE pilot_project_id = $1)),
               CASE WHEN $4::varchar = 'done' THEN now() END)
       RETURNING m.id`,
      [fields.pilotProjectId, fields.title, fields.dueDate, fields.status, fields.position ?? null],
    );
    return (await this.findMilestone(fields.pilotProjectId, row.id))!;
  }

  /** `completed_at` follows the status: stamped on reaching `done`, cleared on leaving it. */
  async updateMilestone(
    projectId: string,
    milestoneId: string,
    fields: { title?: string; dueDate?: string; status?: MilestoneStatus; position?: number },
  ): Promise<MilestoneRecord | null> {
    const params: unknown[] = [milestoneId, projectId];
    const sets = ['updated_at = now()'];
    for (const [key, column] of Object.entries(MILESTONE_COLUMNS) as Array<[keyof typeof MILESTONE_COLUMNS, string]>) {
      if (fields[key] === undefined) continue;
      params.push(fields[key]);
      sets.push(`${column} = $${params.length}`);
      // On the right of SET, `status` is still the old value.
      if (key === 'status') {
        sets.push(
          `completed_at = CASE WHEN $${params.length}::varchar <> 'done' THEN NULL WHEN status = 'done' THEN completed_at ELSE now() END`,
        );
      }
    }
    await this.db.query(
      `UPDATE pilot_project_milestones SET ${sets.join(', ')} WHERE id = $1 AND pilot_project_id = $2`,
      params,
    );
    return this.findMilestone(projectId, milestoneId);
  }

  async deleteMilestone(projectId: string, milestoneId: string): Promise<void> {
    await this.db.query(`DELETE FROM pilot_project_milestones WHERE id = $1 AND pilot_project_id = $2`, [
      milestoneId,
      projectId,
    ]);
  }

  async touch(projectId: string): Promise<void> {
    await this.db.query(`UPDATE pilot_projects SET updated_at = now() WHERE id = $1`, [projectId]);
  }

  async insertProgress(fields: {
    pilotProjectId: string;
    percent: number;
    note: string;
    authorId: string | null;
  }): Promise<ProgressRecord> {
    const [row]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO pilot_project_progress (pilot_project_id, percent, note, author_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [fields.pilotProjectId, fields.percent, fields.note, fields.authorId],
    );
    const [created]: ProgressRow[] = await this.db.query(`${SELECT_PROGRESS} WHERE g.id = $1`, [row.id]);
    return toProgress(created);
  }

  async progressOf(projectId: string): Promise<ProgressRecord[]> {
    const rows: ProgressRow[] = await this.db.query(
      `${SELECT_PROGRESS} WHERE g.pilot_project_id = $1 ORDER BY g.created_at DESC, g.id`,
      [projectId],
    );
    return rows.map(toProgress);
  }

  /** The newest progress update of each project. */
  async latestProgressOf(projectIds: string[]): Promise<ProgressRecord[]> {
    if (projectIds.length === 0) return [];
    const rows: ProgressRow[] = await this.db.query(
      `SELECT DISTINCT ON (g.pilot_project_id) g.id, g.pilot_project_id, g.percent, g.note, g.author_id,
              u.name AS author_name, g.created_at
         FROM pilot_project_progress g LEFT JOIN users u ON u.id = g.author_id
        WHERE g.pilot_project_id = ANY($1::uuid[])
        ORDER BY g.pilot_project_id, g.created_at DESC, g.id`,
      [projectIds],
    );
    return rows.map(toProgress);
  }
}
