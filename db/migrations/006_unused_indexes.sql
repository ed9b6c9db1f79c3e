-- Faster ingest: indexes no query reads. Fingerprints are compared in memory among the
-- candidates of one answer (answers/citations.ts), never looked up, and statements are
-- reached by article, person or day, never by sentence. Each of these indexes took a
-- random-key B-tree insert per row at ingest.
DROP INDEX sentences_fingerprint;
DROP INDEX statements_fingerprint;
DROP INDEX statements_sentence;
