/** The corpus folder is missing, not a folder, or unreadable: one line naming it. Apart from files.ts, which loads every reader. */
export class CorpusDirError extends Error {}
