/** Discord's documented limits, as data: every payload we build is checked against these. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Milliseconds Discord allows before an interaction must be acknowledged. */
  acknowledgeWithinMs: 3000,
} as const;

/** Ephemeral message flag (only the invoking user sees it). */
export const EPHEMERAL_FLAG = 1 << 6;
