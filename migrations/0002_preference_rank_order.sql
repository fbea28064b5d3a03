-- Preference ranks are a strict order per request. Deferred, so that a reorder can swap ranks
-- inside one transaction. (A unique constraint, not an index: only constraints can be deferred.)
ALTER TABLE "preferences" ADD CONSTRAINT "preferences_request_rank_uq" UNIQUE ("request_id", "rank") DEFERRABLE INITIALLY DEFERRED;
