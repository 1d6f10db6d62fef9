-- Searches read a GIN index's pending list whole; an index without one costs a little more per insert and stays flat per search.
DROP INDEX "agencies_name_trgm";--> statement-breakpoint
CREATE INDEX "agencies_name_trgm" ON "agencies" USING gin ("name" public.gin_trgm_ops) WITH (fastupdate=false);
