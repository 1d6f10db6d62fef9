-- Trigram search (pg_trgm ships with PostgreSQL and PGlite). In public, so every schema's index finds its operator class there.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;--> statement-breakpoint
CREATE INDEX "agencies_account_name" ON "agencies" USING btree ("account_id","name","id");--> statement-breakpoint
CREATE INDEX "agencies_account_expiry_asc" ON "agencies" USING btree ("account_id",coalesce("expires_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "agencies_account_expiry_desc" ON "agencies" USING btree ("account_id",coalesce("expires_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "agencies_name_trgm" ON "agencies" USING gin ("name" public.gin_trgm_ops);