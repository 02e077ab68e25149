-- The offline engine's confidence in the SQL it wrote (0 to 1), shown with the answer; null for AI providers, reused
-- verified queries and answers written before this column existed.
ALTER TABLE chat_messages ADD COLUMN confidence DOUBLE PRECISION;
