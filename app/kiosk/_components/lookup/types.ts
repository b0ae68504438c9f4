import type { ProcedureRecord } from '@/lib/procedures/record';

/** A procedure as the tablet stores it with its page: `points` is [this desk] or empty. */
export type KioskProcedure = { record: ProcedureRecord; illustrative: boolean; points: string[] };
