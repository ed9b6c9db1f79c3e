/**
 * The ingest's expected failures, apart from the ingest itself so that the entry points can tell
 * them from bugs without loading the whole pipeline (a lookup never ingests).
 */

/** Another process holds the ingest lease. */
export class IngestBusyError extends Error {}

/** The ingest would remove more of the index than allowed: nothing was changed. */
export class RemovalRefusedError extends Error {}
