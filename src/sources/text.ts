/** Plain text articles, as the corpus has always read them: the file is the article, unchanged. */
import { NO_METADATA, type Reader } from './types.js';

export const textReader: Reader = {
  format: 'text',
  // The fallback: anything no other reader claims.
  detect: () => true,
  read: (text) => [{ ...NO_METADATA, text }],
};
