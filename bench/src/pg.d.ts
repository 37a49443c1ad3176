// Minimal typing of the parts of `pg` the benchmark uses (@types/pg is not installed).
declare module 'pg' {
  export class Client {
    constructor(config: { connectionString: string });
    connect(): Promise<void>;
    query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
    end(): Promise<void>;
  }
}
