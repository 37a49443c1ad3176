// Minimal typing of the parts of `pg` the benchmark uses (@types/pg is not a dependency of bench/).
declare module 'pg' {
  export class Client {
    constructor(config: { connectionString: string });
    connect(): Promise<void>;
    query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
    end(): Promise<void>;
  }
  export class Pool {
    constructor(config: { connectionString: string; max?: number });
    query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
    end(): Promise<void>;
  }
}
