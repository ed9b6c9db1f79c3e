-- Every statement records the attribution rule that found it and the rule that chose its speaker
-- (src/extract/rules.ts), so a wrong answer can be traced to its rule. Articles record the version
-- of the extraction that read them: an ingest re-reads every article written by an older one, so
-- an upgrade never keeps statements the current rules would not make. Existing rows have none and
-- are re-read by the next ingest.
ALTER TABLE statements ADD COLUMN rule TEXT;
ALTER TABLE statements ADD COLUMN speaker_rule TEXT;
ALTER TABLE articles ADD COLUMN extraction TEXT;
